// SPDX-License-Identifier: GPL-2.0-or-later
// build.rs of ffi_demo: compiles src/c/names.c into libnames.a in OUT_DIR
// with $CC (default cc) and $AR (default ar), and links it into the
// library. Debug info (-g) so ffican names the C frames by file and line.
use std::env;
use std::path::PathBuf;
use std::process::Command;

fn run(cmd: &mut Command) {
    let status = cmd.status().unwrap_or_else(|e| panic!("{:?}: {}", cmd, e));
    assert!(status.success(), "{:?} failed: {}", cmd, status);
}

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let source = dir.join("src").join("c").join("names.c");
    let object = out.join("names.o");
    let cc = env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let ar = env::var("AR").unwrap_or_else(|_| "ar".to_string());
    run(Command::new(cc)
        .args(["-c", "-g", "-O0", "-fPIC", "-o"])
        .arg(&object)
        .arg(&source));
    run(Command::new(ar)
        .arg("crs")
        .arg(out.join("libnames.a"))
        .arg(&object));
    println!("cargo:rustc-link-search=native={}", out.display());
    println!("cargo:rustc-link-lib=static=names");
    println!("cargo:rerun-if-changed={}", source.display());
}
