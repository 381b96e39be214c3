//! The RON loader on any bytes: never a panic, and an error never carries a
//! raw control character to the terminal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rncp_explorer::model::{is_forbidden, parse_str};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_str(text, "fuzz.ron") {
        Ok(fiche) => {
            // What loads is clean: no string holds a forbidden character.
            let ron = rncp_explorer::import::to_ron(&fiche);
            assert!(
                !ron.chars()
                    .any(|c| is_forbidden(c) && !matches!(c, '\n' | '\t'))
            );
        }
        Err(e) => {
            let shown = e.to_string();
            assert!(!shown.chars().any(is_forbidden), "{shown:?}");
            assert!(e.position.is_some(), "every data error is located: {shown}");
        }
    }
});
