//! Entry point: parse the command line, dispatch. Work lives in `cli/` and the library.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    cli::run(args)
}
