//! `rncp-explorer completions SHELL` and `rncp-explorer manpage`: generated
//! from the clap definition, so they never drift from the real arguments.

use std::io::Write;
use std::process::ExitCode;

use clap_complete::Shell;

use super::usage;

pub fn completions(shell: Shell) -> ExitCode {
    // The French definition, so help texts in completions read as `--help` does.
    let mut command = usage::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "rncp-explorer", &mut out);
    write_out(&out)
}

pub fn manpage() -> ExitCode {
    let mut out = Vec::new();
    if let Err(e) = clap_mangen::Man::new(usage::command()).render(&mut out) {
        eprintln!("rncp-explorer: page de manuel impossible à produire : {e}");
        return ExitCode::FAILURE;
    }
    write_out(&out)
}

/// A reader that stops early (`| head`) is not an error worth a message.
fn write_out(bytes: &[u8]) -> ExitCode {
    let _ = std::io::stdout().lock().write_all(bytes);
    ExitCode::SUCCESS
}
