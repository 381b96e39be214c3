//! The registry reader (XML or zip export) on any bytes: never a panic, an
//! error or warning never carries a raw control character to the terminal,
//! and no loaded string holds a forbidden character.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rncp_explorer::model::is_forbidden;
use rncp_explorer::model::registry::{self, Options};

fuzz_target!(|data: &[u8]| {
    let options = Options {
        cache: false,
        // Small caps so a fuzzed zip cannot inflate for long.
        max_xml_bytes: 1 << 20,
        ..Options::default()
    };
    match registry::read_bytes(data, "fuzz.xml", &options) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                let shown = warning.to_string();
                assert!(!shown.chars().any(is_forbidden), "{shown:?}");
            }
            for fiche in &loaded.fiches {
                let json = serde_json::to_string(fiche).expect("serialises");
                let text: String = serde_json::from_str::<serde_json::Value>(&json)
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                assert!(!text.chars().any(|c| is_forbidden(c) && c != '\n'), "{text:?}");
            }
        }
        Err(e) => {
            let shown = e.to_string();
            assert!(!shown.chars().any(is_forbidden), "{shown:?}");
        }
    }
});
