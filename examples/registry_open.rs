//! Opens an export (`.xml` or `.zip`) and says what it cost:
//! `cargo run --release --example registry_open -- FILE [--no-cache] [--first-frame [--no-wait]]`.
//! Used for the figures of `docs/benchmarks.md` (`/usr/bin/time -v` for RSS).
//!
//! By default every fiche is read whole (`registry::read`). With
//! `--first-frame` the catalogue is built as the explorer builds it
//! (`model::load_sources`): the time to the catalogue with every summary
//! (what the fiche list needs), then the time until every body is decoded
//! by the background decoder (`--no-wait`: stop at the summaries).

use std::time::Instant;

use rncp_explorer::model::registry::{self, Options};
use rncp_explorer::model::{FicheId, load_sources};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage : registry_open FICHIER [--no-cache] [--warnings]");
        std::process::exit(2);
    };
    let rest: Vec<String> = args.collect();
    let options = Options {
        cache: !rest.iter().any(|a| a == "--no-cache"),
        ..Options::default()
    };
    let start = Instant::now();
    if rest.iter().any(|a| a == "--first-frame") {
        match load_sources(&[path.into()], &options) {
            Ok(sources) => {
                let ready = start.elapsed();
                let ready_cpu = thread_cpu();
                let catalogue = sources.catalogue;
                let first = catalogue.get(FicheId::FIRST).intitule.len();
                let first_fiche = start.elapsed();
                if rest.iter().any(|a| a == "--no-wait") {
                    println!(
                        "résumés prêts en {:.3} s (CPU de ce fil {ready_cpu:.3} s)",
                        ready.as_secs_f64()
                    );
                    std::process::exit(0);
                }
                catalogue.decode_all();
                let all = start.elapsed();
                println!(
                    "{} fiches, {} avertissements : résumés prêts en {:.3} s (CPU de ce fil {:.3} s), première fiche en {:.3} s ({first} car.), toutes en {:.3} s",
                    catalogue.len(),
                    sources.warnings.len(),
                    ready.as_secs_f64(),
                    ready_cpu,
                    first_fiche.as_secs_f64(),
                    all.as_secs_f64()
                );
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        }
        return;
    }
    match registry::read(path.as_ref(), &options) {
        Ok(loaded) => {
            let elapsed = start.elapsed();
            let blocs: usize = loaded
                .fiches
                .iter()
                .filter_map(|f| f.registry.as_ref())
                .map(|r| r.blocs.len())
                .sum();
            let partners: usize = loaded
                .fiches
                .iter()
                .filter_map(|f| f.registry.as_ref())
                .map(|r| r.partners.len())
                .sum();
            println!(
                "{} fiches, {blocs} blocs, {partners} partenaires, {} avertissements, {} en {:.3} s",
                loaded.fiches.len(),
                loaded.warnings.len(),
                if loaded.from_cache {
                    "cache"
                } else {
                    "lecture"
                },
                elapsed.as_secs_f64()
            );
            if rest.iter().any(|a| a == "--warnings") {
                for w in &loaded.warnings {
                    println!("{w}");
                }
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}

/// CPU time of the calling thread, in seconds (what the load cost this
/// thread, whatever else the machine runs).
fn thread_cpu() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
}
