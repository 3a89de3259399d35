// SPDX-License-Identifier: GPL-2.0-or-later
// glib_user: a Rust program that uses GObject through the real -sys crates.
//
// Every mode registers a GObject subclass, gives it a signal, refs its
// class and makes and drops an instance: GObject keeps the type's node,
// class and signal closure until exit on purpose (suppressions/glib-sys.supp).
//   deliberate  only that: clean once glib-sys.supp is loaded
//   seeded      also two real bugs in code that uses the binding: a Rust Box
//               released by glib's g_free (ForeignFree), and a g_strdup'd
//               string whose only pointer Rust drops (a definite leak of a
//               block handed to Rust)
//   fixed       the seeded program with both bugs mended
use std::ffi::CStr;
use std::os::raw::c_char;

use glib_sys::{g_free, g_strdup, gpointer};
use gobject_sys::{
    g_object_get_type, g_object_new, g_object_unref, g_signal_new, g_type_class_ref,
    g_type_register_static_simple, GObject, GObjectClass, G_SIGNAL_RUN_LAST,
};

const TYPE_NAME: &[u8] = b"GlibUserThing\0";
const SIGNAL_NAME: &[u8] = b"poked\0";
const G_TYPE_NONE: usize = 1 << 2; // G_TYPE_MAKE_FUNDAMENTAL(1)

fn register_thing() -> usize {
    unsafe {
        let thing = g_type_register_static_simple(
            g_object_get_type(),
            TYPE_NAME.as_ptr() as *const c_char,
            std::mem::size_of::<GObjectClass>() as u32,
            None,
            std::mem::size_of::<GObject>() as u32,
            None,
            0,
        );
        g_signal_new(
            SIGNAL_NAME.as_ptr() as *const c_char,
            thing,
            G_SIGNAL_RUN_LAST,
            0,
            None,
            std::ptr::null_mut(),
            None,
            G_TYPE_NONE,
            0,
        );
        g_type_class_ref(thing);
        thing
    }
}

fn use_thing(thing: usize) {
    unsafe {
        let obj = g_object_new(thing, std::ptr::null());
        g_object_unref(obj);
    }
}

fn seeded_bugs(fixed: bool) {
    let name = Box::new(*b"thing-name\0");
    let raw = Box::into_raw(name);
    unsafe {
        let copy = g_strdup(raw as *const c_char);
        println!("copied {}", CStr::from_ptr(copy).to_str().unwrap());
        if fixed {
            drop(Box::from_raw(raw)); // Rust frees what Rust allocated
            g_free(copy as gpointer); // glib frees what glib allocated
        } else {
            g_free(raw as gpointer); // bug: glib's free on a Rust Box
            // bug: `copy`, the only pointer to glib's block, is dropped here
        }
    }
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let thing = register_thing();
    use_thing(thing);
    match mode.as_str() {
        "deliberate" => {}
        "seeded" => seeded_bugs(false),
        "fixed" => seeded_bugs(true),
        _ => {
            eprintln!("usage: glib_user deliberate|seeded|fixed");
            std::process::exit(2);
        }
    }
    println!("done ({})", mode);
}
