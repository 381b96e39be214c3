//! The text importer on any text: never a panic; what it imports loads back
//! with the loader, and its errors and warnings name lines of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rncp_explorer::import::{ImportOptions, import, to_ron};
use rncp_explorer::model::parse_str;

fuzz_target!(|text: &str| {
    let lines = text.replace("\r\n", "\n").split(['\n', '\r']).count();
    match import(text, &ImportOptions::default()) {
        Ok(imported) => {
            if let Err(e) = parse_str(&to_ron(&imported.fiche), "import") {
                panic!("the import does not load back: {e}");
            }
            for w in &imported.warnings {
                assert!((1..=lines).contains(&w.line), "{w:?}");
            }
        }
        Err(e) => {
            let line = e.line.expect("text errors are located");
            assert!((1..=lines).contains(&line), "{e:?}");
        }
    }
});
