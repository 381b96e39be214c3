//! Prints one fiche of an export as RON: `registry_dump FILE RNCP35419`.
//! A quick way to see how the export's fields land in the model.

use rncp_explorer::model::registry::{self, Options};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, numero] = args.as_slice() else {
        eprintln!("usage : registry_dump FICHIER NUMERO");
        std::process::exit(2);
    };
    let options = Options {
        cache: false,
        ..Options::default()
    };
    let loaded = registry::read(path.as_ref(), &options).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let Some(fiche) = loaded.fiches.iter().find(|f| {
        f.registry
            .as_ref()
            .is_some_and(|r| r.numero.to_string() == *numero)
    }) else {
        eprintln!("{numero} : absent de l'export");
        std::process::exit(1)
    };
    let pretty = ron::ser::PrettyConfig::default();
    println!(
        "{}",
        ron::ser::to_string_pretty(fiche, pretty).expect("RON")
    );
}
