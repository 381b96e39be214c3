//! Opens an export (`.xml` or `.zip`) the way the app does and says what it
//! cost: `cargo run --release --example registry_open -- FILE [--no-cache]`.
//! Used for the RSS figures of `docs/benchmarks.md` (`/usr/bin/time -v`).

use std::time::Instant;

use rncp_explorer::model::registry::{self, Options};

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
