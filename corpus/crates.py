# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (C) 2026, the ffican authors.
"""The corpus of real bindings: which crates, and how to build their tests
offline.

What it owns: the table of corpus crates (CRATES: the registry package, the
cargo features, the Debian packages it needs, the suppression files of the
bindings it links) and one way to build a crate's test binaries from
Debian's crate sources, used by corpus/run-bindings and by bench/:

    import crates                      # corpus/ on sys.path
    result = crates.build('openssl', build_dir)
    for binary in result.binaries:     # crates.TestBinary
        run(binary.path, cwd=binary.cwd)
    for target, reason in result.skipped: ...

or from a shell: `corpus/build-crates [--build-dir D] [CRATE...]`, which
prints one line per test binary (crate, target, path, working directory).

How: the crate's directory under /usr/share/cargo/registry (Debian's
librust-*-dev packages) is copied once into BUILD/src/, made a workspace of
its own, and built with `cargo test --no-run --message-format=json` under a
CARGO_HOME of our own (BUILD/cargo-home, whose config.toml replaces
crates.io by the Debian directory source and sets offline mode; ~/.cargo is
never touched). One target directory (BUILD/target) is shared by all
crates, so common dependencies build once; cargo's fingerprints make a
second build a no-op (about a second per crate). The debug test profile is
used (what `cargo test` builds by default: symbols and debug info, which
ffican needs).

When a dev-dependency is not packaged, it is removed from the copy's
manifest and every test target is built on its own: targets that compile
are kept, the others are skipped with the first compiler error as reason.
A crate whose own sources or C library are missing is skipped whole, with
the reason (the Debian package to install).

Limits: doc tests are not built (rustdoc compiles them at run time; they
cannot be run as binaries under ffican); examples and benches are not test
binaries. amd64 Linux; Python 3.11 or newer (tomllib).
"""

import dataclasses
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib

REGISTRY = '/usr/share/cargo/registry'


@dataclasses.dataclass
class Crate:
    name: str            # the crate (its directory in the registry is name-VERSION)
    features: list       # cargo features to enable (besides the defaults)
    no_default_features: bool
    debian: list         # Debian packages that bring its sources and C library
                         # (optional dependencies included: cargo resolves
                         # every one of them to write Cargo.lock)
    pkgconfig: list      # pkg-config modules of the C library it binds
    suppressions: list   # suppressions/<name>.supp files for the bindings it links
    note: str = ''       # what the test suite exercises


# The corpus. `debian` is what `apt-get install` needs beyond the toolchain:
# the crate sources (which pull in the -sys crates and the C library's -dev
# package) and the sources of the dev-dependencies its tests use.
CRATES = [
    Crate('openssl', [], False,
          ['librust-openssl-dev', 'librust-hex-dev'],
          ['openssl'], ['rust-std', 'openssl-sys'],
          'unit tests of the safe OpenSSL wrapper (openssl-sys, libssl3)'),
    Crate('rusqlite', ['functions', 'hooks', 'trace', 'blob', 'backup',
                       'collation', 'vtab', 'series', 'array', 'limits',
                       'column_decltype', 'window', 'modern_sqlite'], False,
          ['librust-rusqlite-dev', 'librust-bencher-dev',
           'librust-doc-comment-dev', 'librust-lazy-static-dev',
           'librust-regex-dev', 'librust-tempfile-dev', 'librust-unicase-dev',
           'librust-uuid-dev'],
          ['sqlite3'], ['rust-std', 'libsqlite3-sys'],
          'rusqlite with its callback features (functions, hooks, trace, '
          'collation, virtual tables) on the system libsqlite3'),
    Crate('flate2', ['zlib'], True,
          ['librust-flate2-dev', 'librust-libz-sys-dev',
           'librust-quickcheck-dev', 'librust-rand-dev'],
          ['zlib'], ['rust-std', 'libz-sys'],
          'flate2 on the zlib backend (libz-sys, system zlib)'),
    Crate('git2', [], False,
          ['librust-git2-dev', 'librust-paste-dev', 'librust-structopt-dev',
           'librust-tempfile-dev', 'librust-time-0.1-dev'],
          ['libgit2'], ['rust-std', 'libgit2-sys'],
          'git2 on the system libgit2 (libgit2-sys)'),
    Crate('curl', [], False,
          ['librust-curl-dev', 'librust-libnghttp2-sys-dev',
           'librust-anyhow-dev', 'librust-mio-0.6-dev',
           'librust-mio-extras-dev'],
          ['libcurl'], ['rust-std', 'curl-sys'],
          'curl on the system libcurl (curl-sys), against a local server'),
    Crate('glib', [], False,
          ['librust-glib-dev', 'librust-futures-util-dev',
           'librust-tempfile-dev'],
          ['glib-2.0', 'gobject-2.0'], ['rust-std', 'glib-sys'],
          'glib (glib-sys, gobject-sys) on the system GLib'),
    Crate('zstd', [], False,
          ['librust-zstd-dev', 'librust-walkdir-dev'],
          ['libzstd'], ['rust-std', 'zstd-sys'],
          'zstd (zstd-safe, zstd-sys) on the system libzstd'),
]


def crate_by_name(name):
    for c in CRATES:
        if c.name == name:
            return c
    raise KeyError('no crate %r in the corpus (known: %s)'
                   % (name, ', '.join(c.name for c in CRATES)))


def debian_packages():
    """Every Debian package the corpus needs, sorted, without duplicates."""
    return sorted({p for c in CRATES for p in c.debian})


@dataclasses.dataclass
class TestBinary:
    crate: str    # corpus crate name
    target: str   # cargo target: 'lib' or the name of a tests/*.rs target
    path: str     # the libtest executable
    cwd: str      # run it from here (the crate's source copy: tests open
                  # files relative to the package root, as under cargo test)


@dataclasses.dataclass
class BuildResult:
    crate: str
    binaries: list   # [TestBinary]
    skipped: list    # [(target or '*' for the whole crate, reason)]
    source_dir: str = ''


def registry_dir(name, registry=REGISTRY):
    """The newest name-VERSION directory of the registry, or None."""
    found = []
    for d in glob.glob(os.path.join(registry, name + '-*')):
        version = os.path.basename(d)[len(name) + 1:]
        if re.fullmatch(r'\d+\.\d+\.\d+([-+].*)?', version):
            found.append((tuple(int(x) for x in
                                re.match(r'(\d+)\.(\d+)\.(\d+)', version).groups()), d))
    return max(found)[1] if found else None


def missing_pkgconfig(crate):
    """pkg-config modules of the crate's C library that are not installed."""
    if not shutil.which('pkg-config'):
        return list(crate.pkgconfig)
    return [m for m in crate.pkgconfig
            if subprocess.run(['pkg-config', '--exists', m]).returncode != 0]


CARGO_CONFIG = """\
# Written by corpus/crates.py: build offline from Debian's crate sources.
[source.crates-io]
replace-with = "debian"

[source.debian]
directory = "%s"

[net]
offline = true
"""


class Builder:
    """Builds corpus crates under one build directory (see the module doc)."""

    def __init__(self, build_dir, jobs=2, log=None, registry=REGISTRY):
        self.build_dir = os.path.abspath(build_dir)
        self.jobs = jobs
        self.registry = registry
        self.log = log or (lambda msg: print(msg, file=sys.stderr))
        self.cargo_home = os.path.join(self.build_dir, 'cargo-home')
        self.target_dir = os.path.join(self.build_dir, 'target')
        self.src_root = os.path.join(self.build_dir, 'src')

    # -- environment ---------------------------------------------------
    def env(self):
        os.makedirs(self.cargo_home, exist_ok=True)
        config = os.path.join(self.cargo_home, 'config.toml')
        text = CARGO_CONFIG % self.registry
        if not os.path.exists(config) or open(config).read() != text:
            with open(config, 'w') as f:
                f.write(text)
        env = dict(os.environ)
        for var in ('RUSTFLAGS', 'CARGO_ENCODED_RUSTFLAGS', 'CARGO_BUILD_RUSTFLAGS',
                    'CARGO_TARGET_DIR', 'CARGO_BUILD_TARGET', 'RUSTC_WRAPPER'):
            env.pop(var, None)
        env.update(CARGO_HOME=self.cargo_home, CARGO_TARGET_DIR=self.target_dir,
                   CARGO_BUILD_JOBS=str(self.jobs), CARGO_TERM_COLOR='never',
                   CARGO_INCREMENTAL='0',
                   # Old crates deny(warnings) in their tests; today's rustc
                   # warns about more: lints must not decide what builds.
                   RUSTFLAGS='--cap-lints=warn')
        return env

    # -- sources -------------------------------------------------------
    def prepare_source(self, crate):
        """Copy the registry directory once; returns the copy's path."""
        src = registry_dir(crate.name, self.registry)
        dest = os.path.join(self.src_root, os.path.basename(src))
        stamp = os.path.join(dest, '.corpus-copied')
        if not os.path.exists(stamp):
            if os.path.exists(dest):
                shutil.rmtree(dest)
            shutil.copytree(src, dest, symlinks=True)   # keeps mtimes
            with open(os.path.join(dest, 'Cargo.toml'), 'a') as f:
                f.write('\n# corpus/crates.py: a workspace of its own\n'
                        '[workspace]\n')
            open(stamp, 'w').close()
        return dest

    def drop_dev_dependency(self, src, dep):
        """Remove [dev-dependencies.DEP] (and dev-dependencies table entries)."""
        path = os.path.join(src, 'Cargo.toml')
        out, skip = [], False
        for line in open(path).read().split('\n'):
            header = re.match(r'\s*\[(.*)\]\s*$', line)
            if header:
                skip = header.group(1).strip() in (
                    'dev-dependencies.' + dep, 'dev-dependencies."%s"' % dep)
                if not skip and re.fullmatch(r'target\..*\.dev-dependencies\.("?)%s\1'
                                             % re.escape(dep), header.group(1).strip()):
                    skip = True
            if not skip:
                out.append(line)
        with open(path, 'w') as f:
            f.write('\n'.join(out))

    # -- cargo ---------------------------------------------------------
    def cargo_args(self, crate):
        args = []
        if crate.no_default_features:
            args.append('--no-default-features')
        if crate.features:
            args += ['--features', ','.join(crate.features)]
        return args

    def cargo_test_no_run(self, crate, src, select):
        cmd = (['cargo', 'test', '--no-run', '--message-format=json']
               + self.cargo_args(crate) + select)
        p = subprocess.run(cmd, cwd=src, env=self.env(), capture_output=True,
                           text=True)
        executables = []
        for line in p.stdout.splitlines():
            try:
                msg = json.loads(line)
            except ValueError:
                continue
            if (msg.get('reason') == 'compiler-artifact' and msg.get('executable')
                    and msg.get('profile', {}).get('test')
                    and os.path.realpath(os.path.dirname(msg['manifest_path']))
                    == os.path.realpath(src)):
                kinds = msg['target']['kind']
                target = 'lib' if 'lib' in kinds else msg['target']['name']
                executables.append((target, kinds, msg['executable']))
        errors = [json.loads(l)['message']['rendered']
                  for l in p.stdout.splitlines()
                  if l.startswith('{') and '"compiler-message"' in l
                  and json.loads(l)['message'].get('level') == 'error']
        return p.returncode, executables, p.stderr, errors

    def targets(self, src):
        """Test-bearing targets of the package: (selector args, label)."""
        p = subprocess.run(['cargo', 'metadata', '--no-deps', '--offline',
                            '--format-version', '1'], cwd=src, env=self.env(),
                           capture_output=True, text=True)
        if p.returncode != 0:
            return None, p.stderr.strip().splitlines()[-1:] or ['cargo metadata failed']
        out = []
        for t in json.loads(p.stdout)['packages'][0]['targets']:
            kinds = t['kind']
            if 'lib' in kinds or 'rlib' in kinds:
                out.append((['--lib'], 'lib'))
            elif 'test' in kinds:
                out.append((['--test', t['name']], t['name']))
            elif 'bin' in kinds:
                out.append((['--bin', t['name']], t['name']))
        return out, None

    def build(self, name):
        crate = crate_by_name(name)
        if not registry_dir(crate.name, self.registry):
            return BuildResult(name, [], [('*', 'crate sources not installed '
                                          '(apt-get install %s)'
                                          % ' '.join(crate.debian))])
        missing = missing_pkgconfig(crate)
        if missing:
            return BuildResult(name, [], [('*', 'C library not found by pkg-config: '
                                          '%s (apt-get install %s)'
                                          % (' '.join(missing), ' '.join(crate.debian)))])
        src = self.prepare_source(crate)
        self.log('corpus: building %s tests in %s' % (name, src))
        skipped = []
        dropped = set()
        for _ in range(20):
            rc, exes, stderr, errors = self.cargo_test_no_run(crate, src, [])
            if rc == 0:
                return BuildResult(name, self.binaries(name, src, exes),
                                   skipped, src)
            dep = self.unresolved_dependency(stderr)
            if not dep or dep in dropped:
                break
            if not self.is_dev_dependency(src, dep):
                return BuildResult(name, [], [('*', 'dependency %s is not packaged '
                                              'in Debian' % dep)], src)
            self.log('corpus: %s: dev-dependency %s is not packaged; targets '
                     'that use it are skipped' % (name, dep))
            self.drop_dev_dependency(src, dep)
            dropped.add(dep)
            skipped.append(('(dev-dependency %s)' % dep, 'not packaged in Debian'))
        # Build what can be built, one target at a time.
        targets, err = self.targets(src)
        if targets is None:
            return BuildResult(name, [], skipped + [('*', 'cargo: %s' % err[0])], src)
        binaries = []
        for select, label in targets:
            rc, exes, stderr, errors = self.cargo_test_no_run(crate, src, select)
            if rc == 0:
                binaries += self.binaries(name, src, exes)
            else:
                reason = (errors[0].strip().splitlines()[0] if errors else
                          (stderr.strip().splitlines() or ['cargo failed'])[-1])
                skipped.append((label, reason))
        return BuildResult(name, binaries, skipped, src)

    @staticmethod
    def unresolved_dependency(stderr):
        m = (re.search(r'no matching package named `([^`]+)` found', stderr)
             or re.search(r'failed to select a version for the requirement '
                          r'`([^` =]+)', stderr))
        return m.group(1) if m else None

    @staticmethod
    def is_dev_dependency(src, dep):
        with open(os.path.join(src, 'Cargo.toml'), 'rb') as f:
            manifest = tomllib.load(f)
        if dep in manifest.get('dev-dependencies', {}):
            return True
        return any(dep in t.get('dev-dependencies', {})
                   for t in manifest.get('target', {}).values())

    @staticmethod
    def binaries(name, src, exes):
        seen, out = set(), []
        for target, kinds, path in exes:
            if path in seen:
                continue
            seen.add(path)
            out.append(TestBinary(name, target, path, src))
        out.sort(key=lambda b: (b.target != 'lib', b.target))
        return out


def build(name, build_dir, jobs=2, log=None):
    """Build crate NAME's test binaries under build_dir; see the module doc."""
    return Builder(build_dir, jobs, log).build(name)


def main(argv=None):
    import argparse
    ap = argparse.ArgumentParser(
        prog='build-crates',
        description='Build the corpus crates\' test binaries offline from '
                    'Debian\'s crate sources and list them (crate, target, '
                    'binary, working directory; tab-separated).')
    ap.add_argument('--build-dir', default=os.environ.get('FFICAN_CORPUS_BUILD'),
                    help='where sources, cargo home and target go '
                         '(default: $FFICAN_CORPUS_BUILD, else corpus/build)')
    ap.add_argument('-j', '--jobs', type=int, default=2)
    ap.add_argument('--debian-packages', action='store_true',
                    help='print the Debian packages the corpus needs and exit')
    ap.add_argument('crates', nargs='*', help='default: the whole corpus')
    opts = ap.parse_args(argv)
    if opts.debian_packages:
        print(' '.join(debian_packages()))
        return 0
    build_dir = opts.build_dir or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), 'build')
    names = opts.crates or [c.name for c in CRATES]
    status = 0
    for name in names:
        try:
            result = build(name, build_dir, opts.jobs)
        except KeyError as e:
            print('build-crates: %s' % e.args[0], file=sys.stderr)
            return 2
        for target, reason in result.skipped:
            print('build-crates: %s: skipped %s: %s' % (name, target, reason),
                  file=sys.stderr)
        for b in result.binaries:
            print('\t'.join((b.crate, b.target, b.path, b.cwd)))
        if not result.binaries:
            status = 1
    return status


if __name__ == '__main__':
    sys.exit(main())
