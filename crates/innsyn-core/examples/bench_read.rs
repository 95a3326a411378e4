//! Reader benchmark (not a test): generates a JSON-stat file shaped like an
//! SSB KOSTRA extract — 357 municipalities × 40 content codes × 25 years,
//! about 5 % status cells — writes it to target/bench/ssb-like.json (the
//! browser benchmark in scripts/bench.mjs reads the same file), and reports
//! native read speed and peak memory.
//!
//! cargo run --release -p innsyn-core --example bench_read

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use innsyn_core::read;
use innsyn_core::registry::Registry;

/// Counts live and peak heap bytes.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            if new > l.size() {
                let now = LIVE.fetch_add(new - l.size(), Relaxed) + new - l.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(l.size() - new, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static A: Counting = Counting;

const REGIONS: usize = 357;
const CONTENTS: usize = 40;
const YEARS: usize = 25;

/// Deterministic SSB-shaped JSON-stat text.
pub fn generate() -> String {
    let mut seed: u64 = 0x1234_5678;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let regions: Vec<String> = (0..REGIONS).map(|i| format!("{:04}", 1001 + i)).collect();
    let contents: Vec<String> = (0..CONTENTS)
        .map(|i| format!("KOSbv{:04}0000", i))
        .collect();
    let years: Vec<String> = (0..YEARS).map(|i| (2000 + i).to_string()).collect();
    let cat = |ids: &[String], label: &dyn Fn(&str) -> String, unit: bool| {
        let index: Vec<String> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| format!("\"{id}\":{i}"))
            .collect();
        let labels: Vec<String> = ids
            .iter()
            .map(|id| format!("\"{id}\":\"{}\"", label(id)))
            .collect();
        let units = if unit {
            let u: Vec<String> = ids
                .iter()
                .map(|id| format!("\"{id}\":{{\"base\":\"kr\",\"decimals\":1}}"))
                .collect();
            format!(",\"unit\":{{{}}}", u.join(","))
        } else {
            String::new()
        };
        format!(
            "{{\"index\":{{{}}},\"label\":{{{}}}{units}}}",
            index.join(","),
            labels.join(",")
        )
    };
    let n = REGIONS * CONTENTS * YEARS;
    let mut values = Vec::with_capacity(n);
    let mut status = Vec::new();
    for i in 0..n {
        let r = rnd();
        if r % 100 < 5 {
            values.push("null".to_string());
            status.push(format!(
                "\"{i}\":\"{}\"",
                if r % 2 == 0 { ":" } else { ".." }
            ));
        } else if r % 3 == 0 {
            values.push(((r >> 8) % 100_000).to_string());
        } else {
            values.push(format!("{}.{}", (r >> 8) % 10_000, (r >> 40) % 10));
        }
    }
    format!(
        "{{\"class\":\"dataset\",\"label\":\"Barnevern (KOSTRA), generert testfil\",\"source\":\"Innsyn benchmark\",\"updated\":\"2026-01-01T08:00:00Z\",\
\"id\":[\"KOKkommuneregion0000\",\"ContentsCode\",\"Tid\"],\"size\":[{REGIONS},{CONTENTS},{YEARS}],\"dimension\":{{\
\"KOKkommuneregion0000\":{{\"label\":\"region\",\"category\":{}}},\
\"ContentsCode\":{{\"label\":\"statistikkvariabel\",\"category\":{}}},\
\"Tid\":{{\"label\":\"år\",\"category\":{}}}}},\
\"value\":[{}],\"status\":{{{}}},\"role\":{{\"time\":[\"Tid\"],\"metric\":[\"ContentsCode\"]}},\"version\":\"2.0\",\"extension\":{{\"px\":{{\"tableid\":\"12275\"}}}}}}",
        cat(&regions, &|id| format!("Kommune {id}"), false),
        cat(&contents, &|id| format!("Nøkkeltall {id}"), true),
        cat(&years, &|id| id.to_string(), false),
        values.join(","),
        status.join(",")
    )
}

fn main() {
    let src = generate();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("ssb-like.json"), &src).unwrap();
    let registry = Registry::bundled();
    let mb = src.len() as f64 / 1e6;
    let mut times = Vec::new();
    let mut extra_peak = 0;
    for _ in 0..9 {
        let base = LIVE.load(Relaxed);
        PEAK.store(base, Relaxed);
        let t = Instant::now();
        let out = read::read_str(&src, &registry).unwrap();
        times.push(t.elapsed().as_secs_f64());
        extra_peak = extra_peak.max(PEAK.load(Relaxed) - base);
        assert!(
            !out.has_errors(),
            "{:?}",
            &out.diagnostics[..out.diagnostics.len().min(3)]
        );
        assert_eq!(out.datasets[0].cell_count(), REGIONS * CONTENTS * YEARS);
        drop(out);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "reader, native (release): file {:.2} MB, {} cells",
        mb,
        REGIONS * CONTENTS * YEARS
    );
    println!("  median {:.1} ms = {:.0} MB/s", median * 1e3, mb / median);
    println!(
        "  peak memory while reading: {:.2} MB above the file text = {:.2}× the file size ({:.2}× counting the text itself)",
        extra_peak as f64 / 1e6,
        extra_peak as f64 / src.len() as f64,
        (extra_peak + src.len()) as f64 / src.len() as f64
    );
}
