//! Writes a full-size synthetic export made from the real samples:
//! `cargo run --release --example registry_gen -- 30500 target/registry-bench`
//! gives `export-30500.xml` (~570 MB) and `export-30500.zip` there.

#[path = "../benches/support/registry_gen.rs"]
mod registry_gen;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(30_500);
    let dir = args
        .get(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| "target/registry-bench".into());
    match registry_gen::ensure(&dir, count) {
        Ok((xml, zip)) => {
            for path in [xml, zip] {
                let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                println!("{} : {:.1} Mo", path.display(), size as f64 / 1e6);
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
