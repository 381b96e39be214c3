//! End-to-end comparison in a pseudo-terminal: `c`, pick a parcours, read
//! both names and a shared UE side by side, `s` swaps, `Esc` goes back.
//! (Own small session helper, so this file merges independently of e2e.rs.)

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(10);

struct Session {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(cols: u16, rows: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_rncp-explorer"));
        cmd.env("TERM", "xterm-256color");
        // Monochrome: the shared mark must be readable without colour.
        cmd.env("NO_COLOR", "1");
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
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
            writer,
            child,
            _master: pty.master,
        }
    }

    /// Feeds output to the screen until `pred` holds; panics with the screen after TIMEOUT.
    fn wait_for(&mut self, what: &str, pred: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        while !pred(&self.parser.screen().contents()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.parser.process(&bytes),
                Err(_) => panic!(
                    "timed out waiting for {what}; screen:\n{}",
                    self.parser.screen().contents()
                ),
            }
        }
    }

    fn wait_text(&mut self, text: &str) {
        self.wait_for(text, |s| s.contains(text));
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn quit(&mut self) -> u32 {
        self.send("q");
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status.exit_code();
            }
            assert!(Instant::now() < deadline, "the app did not exit");
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(20)) {
                self.parser.process(&bytes);
            }
        }
    }
}

#[test]
fn compare_two_parcours_swap_and_escape_back() {
    let mut s = Session::start(120, 40);
    s.wait_text("Fiche RNCP 24759");
    // Communication, then `c`: the picker offers the others, not Communication.
    s.send("j");
    s.send("c");
    s.wait_text("Comparer « Communication » avec…");
    s.wait_text("European Policies and Project Management");
    // Second option: Urbain.
    s.send("j\r");
    s.wait_text("Comparaison : Communication ↔ Urbain");
    // A shared UE: marked "=" (no colour needed) and present in both columns.
    // (Waiting for it, not just the title: a frame may arrive in pieces.)
    s.wait_for("the shared UE 7 row", |sc| {
        sc.lines()
            .any(|l| l.contains("= UE 7 Initiatives") && l.matches("UE 7 Initiatives").count() == 2)
    });
    let screen = s.parser.screen().contents();
    assert!(
        screen.contains("Communication publique et démocratie"),
        "{screen}"
    );
    assert!(
        screen.contains("Ingénierie de projet en politiques urbaines"),
        "{screen}"
    );
    // `s` swaps the sides.
    s.send("s");
    s.wait_text("Comparaison : Urbain ↔ Communication");
    // `Esc` returns to the browser, the maquette pane back in place.
    s.send("\x1b");
    s.wait_for("the browser", |sc| {
        !sc.contains("Comparaison :") && sc.contains("Détail")
    });
    assert_eq!(s.quit(), 0);
}
