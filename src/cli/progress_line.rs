//! The progress line of a subcommand reading an export: one line on stderr,
//! redrawn in place a few times a second from the shared [`Progress`], and
//! wiped when the load ends so the summary (or the error) stands alone.
//!
//! Hand-rolled rather than indicatif: the state already lives in the
//! registry's atomics and a thread printing one `\r` line is all it takes.

use std::io::Write;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use rncp_explorer::model::progress::{self, Phase, Progress};

/// Often enough to look alive, rarely enough to cost nothing.
const REDRAW: Duration = Duration::from_millis(120);

pub struct Line {
    stop: Sender<()>,
    thread: JoinHandle<()>,
}

/// Starts drawing `progress` on stderr (the caller checked it is a terminal).
pub fn spawn(progress: Arc<Progress>) -> Line {
    let (stop, stopped) = mpsc::channel::<()>();
    let thread = thread::spawn(move || {
        let mut drawn = false;
        // Until `finish` sends (or drops) the stop.
        while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(REDRAW) {
            let snapshot = progress.snapshot();
            if snapshot.phase == Phase::Starting {
                continue;
            }
            let text = format!("\rrncp-explorer: {}\x1b[K", progress::describe(&snapshot));
            let mut err = std::io::stderr().lock();
            drawn |= err.write_all(text.as_bytes()).is_ok();
            let _ = err.flush();
        }
        if drawn {
            let _ = std::io::stderr().write_all(b"\r\x1b[K");
        }
    });
    Line { stop, thread }
}

impl Line {
    /// Stops drawing and wipes the line.
    pub fn finish(self) {
        let _ = self.stop.send(());
        let _ = self.thread.join();
    }
}
