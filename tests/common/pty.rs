//! A pseudo-terminal session on the real binary, its screen decoded by
//! vt100. Output is drained on a thread; every wait polls with a timeout.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const TIMEOUT: Duration = Duration::from_secs(10);

/// An empty directory of its own, for one session's saved state.
pub fn fresh_state_dir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "rncp-explorer-test-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a state directory");
    dir
}

pub struct Session {
    pub parser: vt100::Parser,
    pub output: Receiver<Vec<u8>>,
    pub raw: Vec<u8>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub master: Box<dyn MasterPty + Send>,
    /// The state directory made for this session, removed with it.
    own_state: Option<std::path::PathBuf>,
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Some(dir) = &self.own_state {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

impl Session {
    /// The explorer with `args`, colours allowed (NO_COLOR removed).
    pub fn start(cols: u16, rows: u16, args: &[&str]) -> Session {
        Session::start_with_env(cols, rows, args, &[])
    }

    /// Same, with extra environment variables (`("NO_COLOR", "1")`).
    pub fn start_with_env(cols: u16, rows: u16, args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_rncp-explorer"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        // Never the state file of the machine's user: each session starts
        // from none, unless the test names a state directory itself.
        let own_state =
            (!env.iter().any(|(k, _)| *k == "RNCP_EXPLORER_STATE_DIR")).then(fresh_state_dir);
        if let Some(dir) = &own_state {
            cmd.env("RNCP_EXPLORER_STATE_DIR", dir);
        }
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Session {
            parser: vt100::Parser::new(
                NonZeroU16::new(rows).expect("rows"),
                NonZeroU16::new(cols).expect("cols"),
                0,
            ),
            output,
            raw: Vec::new(),
            writer,
            child,
            master: pty.master,
            own_state,
        }
    }

    pub fn take(&mut self, bytes: Vec<u8>) {
        self.parser.process(&bytes);
        self.raw.extend(bytes);
    }

    /// Feeds output to the screen until `pred` holds; panics with the screen after TIMEOUT.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        while !pred(self.parser.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.take(bytes),
                Err(_) => panic!(
                    "timed out waiting for {what}; screen:\n{}",
                    self.parser.screen().contents()
                ),
            }
        }
    }

    pub fn wait_text(&mut self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the process to end and drains what it wrote; returns its exit code.
    pub fn finish(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            assert!(Instant::now() < deadline, "the app did not exit");
            // Keep draining meanwhile so the child never blocks on a full pty.
            match self.output.recv_timeout(Duration::from_millis(20)) {
                Ok(bytes) => self.take(bytes),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {}
            }
        };
        // The reader ends at EOF once the child is gone; take everything up to it.
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(500)) {
            self.take(bytes);
        }
        status.exit_code()
    }

    pub fn assert_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "alternate screen left");
        assert!(!screen.hide_cursor(), "cursor visible");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture off"
        );
    }
}
