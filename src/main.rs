//! Entry point: parse the command line, dispatch. Work lives in `cli/` and the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    // Usage errors and --help are rendered in French by cli::parse.
    match cli::parse() {
        Ok(args) => cli::run(args),
        Err(code) => code,
    }
}
