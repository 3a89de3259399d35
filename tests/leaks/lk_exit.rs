// std::process::exit while hash tables are live: their tables are only
// referenced through interior pointers (hashbrown keeps a pointer to the
// control bytes, in the middle of the allocation).  Not definitely lost:
// still reachable with the hashbrown heuristic, possibly lost without.
//   exit     process::exit with a HashMap and a HashSet alive
//   hello    prints a line and returns: the Rust hello-world
//   threads  process::exit while two threads wait, each holding a boxed
//            vector on its stack: their stacks (above their stack
//            pointers) and glibc's per-thread blocks keep everything
//            reachable
use std::collections::{HashMap, HashSet};
use std::sync::mpsc;

fn threads() {
    let (ready_tx, ready_rx) = mpsc::channel::<usize>();
    let mut stops = Vec::new();
    for t in 0..2usize {
        let ready = ready_tx.clone();
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        stops.push(stop_tx);
        std::thread::spawn(move || {
            let held: Box<Vec<usize>> = Box::new((0..10 + t).collect());
            ready.send(held.len()).unwrap();
            let _ = stop_rx.recv();
            println!("never printed {}", held.len());
        });
    }
    let total: usize = (0..2).map(|_| ready_rx.recv().unwrap()).sum();
    println!("threads hold {} values", total);
    std::process::exit(0);
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    if mode == "hello" {
        println!("hello");
        return;
    }
    if mode == "threads" {
        threads();
    }
    let mut names: HashMap<String, Vec<u32>> = HashMap::new();
    for k in 0..40u32 {
        names.insert(format!("name-{}", k), (0..k % 5).collect());
    }
    let mut seen: HashSet<u64> = HashSet::new();
    for k in 0..100u64 {
        seen.insert(k * 7919);
    }
    println!("{} names, {} seen", names.len(), seen.len());
    std::process::exit(0);
}
