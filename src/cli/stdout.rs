//! Writing a command's answer on stdout, buffered, and quietly stopping
//! when the reader went away (`list | head`): a closed pipe is no error of
//! ours, and `println!` would panic on it.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// Runs `write` on a buffered stdout. `Err` carries the exit status to
/// return at once: success for a closed pipe, bad input (2) for another
/// write error, reported on stderr.
pub fn write_with(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("rncp-explorer: écriture impossible : {e}");
            Err(ExitCode::from(super::EXIT_BAD_INPUT))
        }
    }
}
