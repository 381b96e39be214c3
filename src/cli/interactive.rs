//! The full-screen explorer: terminal setup and teardown, and the event loop
//! that turns terminal events into `app::Action`s. All behaviour lives in the
//! library (`app`, `ui`); this file only owns the terminal.
//!
//! The terminal is restored on every way out: `q`/Ctrl-C (a key: raw mode
//! disables the signal), an I/O error, a panic (hook), SIGTERM, SIGHUP or
//! SIGINT (flag checked by the loop, with a watchdog for a vanished
//! terminal; exit status 128 + signal), and an abort (SIGABRT handler: an
//! allocation failure aborts without unwinding). A terminal that vanishes
//! without a signal (an orphan in its own session) is seen by a second
//! watchdog polling the tty for a hangup.

use std::io::{self, IsTerminal, Stdout, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use rncp_explorer::app::{self, Action, App, Effect, Msg, Popup, view::strings};
use rncp_explorer::model::Catalogue;
use rncp_explorer::search::{Query, Results, SearchIndex, Session};
use rncp_explorer::ui::{self, Theme};

use super::EXIT_BAD_INPUT;

/// How often the loop wakes up to look at the signal flag when idle.
const TICK: Duration = Duration::from_millis(100);
/// How long a signal waits for the loop to end before the process exits anyway.
const SIGNAL_GRACE: Duration = Duration::from_millis(500);
/// How often it looks for search results while a search runs.
const SEARCH_TICK: Duration = Duration::from_millis(5);
/// How often the hangup watchdog looks at the terminal.
const HANGUP_CHECK: Duration = Duration::from_millis(200);
/// Exit status when the terminal went away without a signal: as if SIGHUP.
const EXIT_HANGUP: i32 = 128 + SIGHUP;
/// The drawn area never exceeds this, whatever size the terminal reports:
/// ratatui allocates two cell buffers of the area, and a 65535×65535 report
/// asked for 206 GB and aborted. More than an 8K screen in a tiny font
/// holds (about 1280×360); beyond it the rest of the screen stays blank.
const MAX_COLUMNS: u16 = 1000;
const MAX_ROWS: u16 = 500;
/// Events handled in one go before the screen is drawn again.
const MAX_BURST: usize = 4096;
/// How long one burst of waiting events may be handled before a redraw.
const BURST_TIME: Duration = Duration::from_millis(50);

pub fn run(catalogue: Catalogue) -> ExitCode {
    if !io::stdout().is_terminal() {
        eprintln!("{}", strings::NOT_A_TERMINAL);
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let signal = Arc::new(AtomicUsize::new(0));
    watch_signals(Arc::clone(&signal));
    install_panic_hook();
    install_abort_handler();
    watch_for_hangup();
    let mut terminal = match enter() {
        Ok(t) => t,
        Err(e) => {
            restore();
            eprintln!("rncp-explorer: impossible de préparer le terminal : {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = event_loop(&mut terminal, App::with_catalogue(catalogue), &signal);
    restore();
    // ratatui's Drop shows the cursor again and reports a failure with
    // eprintln!, which panics (exit 101) when the terminal, and so stderr,
    // is gone. restore() has shown it already: skip that Drop.
    std::mem::forget(terminal);
    // After a hangup the terminal errors are the signal's consequence: the
    // signal decides the status. stderr may be gone too, so never panic on it.
    match (signal.load(Ordering::SeqCst), result) {
        (0, Ok(())) => ExitCode::SUCCESS,
        (0, Err(e)) => {
            let _ = writeln!(io::stderr(), "rncp-explorer: erreur du terminal : {e}");
            ExitCode::FAILURE
        }
        (sig, _) => ExitCode::from(u8::try_from(128 + sig).unwrap_or(u8::MAX)),
    }
}

/// Records SIGTERM, SIGHUP or SIGINT for the loop, which then restores the
/// terminal and exits with 128 + signal. When the terminal itself is gone
/// (SIGHUP on a closed pty), crossterm's reader can spin on end-of-file
/// without ever returning to the loop, so after a grace period this thread
/// restores and exits itself rather than leave a process burning a core.
fn watch_signals(signal: Arc<AtomicUsize>) {
    let mut signals = match Signals::new([SIGTERM, SIGHUP, SIGINT]) {
        Ok(signals) => signals,
        Err(e) => {
            eprintln!("rncp-explorer: signaux : {e}");
            return;
        }
    };
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            signal.store(sig as usize, Ordering::SeqCst);
            thread::sleep(SIGNAL_GRACE);
            restore();
            std::process::exit(128 + sig);
        }
    });
}

/// The terminal's size, capped to what is ever drawn.
fn capped(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_COLUMNS), height.min(MAX_ROWS))
}

fn enter() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    save_termios();
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    // crossterm installs its SIGWINCH handler with its reader, on the first
    // poll: start it before reading the size, or a resize in between is lost
    // (the event waits in crossterm's queue if one comes).
    event::poll(Duration::ZERO)?;
    let (width, height) = ratatui::crossterm::terminal::size()?;
    // A fixed viewport: ratatui never sizes its buffers from the terminal's
    // own report, only from the capped size the loop gives it.
    Terminal::with_options(
        CrosstermBackend::new(io::stdout()),
        TerminalOptions {
            viewport: Viewport::Fixed(capped(width, height)),
        },
    )
}

/// Puts the terminal back as we found it. Safe to call more than once.
fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

/// The tty's settings before raw mode, and its descriptor, for the abort
/// handler (which may only make async-signal-safe calls).
static SAVED_TERMIOS: OnceLock<(i32, libc::termios)> = OnceLock::new();

fn save_termios() {
    for fd in [libc::STDIN_FILENO, libc::STDOUT_FILENO] {
        // SAFETY: isatty and tcgetattr only read; `termios` is plain data
        // that tcgetattr fills in full when it succeeds.
        unsafe {
            let mut termios: libc::termios = std::mem::zeroed();
            if libc::isatty(fd) == 1 && libc::tcgetattr(fd, &mut termios) == 0 {
                let _ = SAVED_TERMIOS.set((fd, termios));
                return;
            }
        }
    }
}

/// An abort (an allocation failure, a panic while panicking) runs no panic
/// hook and no destructor: restore the terminal from the signal handler,
/// with raw `tcsetattr` and `write` only, then let the abort go on.
fn install_abort_handler() {
    const RESET: &[u8] =
        b"\x1b[?2004l\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";
    let action = || {
        if let Some((fd, termios)) = SAVED_TERMIOS.get() {
            // SAFETY: both calls are async-signal-safe; the pointers are to
            // a static that is never written again.
            unsafe {
                libc::tcsetattr(*fd, libc::TCSANOW, termios);
                libc::write(libc::STDOUT_FILENO, RESET.as_ptr().cast(), RESET.len());
            }
        }
        // Then die of it as if unhandled: abort() would re-raise by itself,
        // a SIGABRT sent by kill would not. Both calls are async-signal-safe;
        // the raised signal is delivered once this handler returns.
        // SAFETY: resetting a disposition and raising are async-signal-safe.
        unsafe {
            libc::signal(libc::SIGABRT, libc::SIG_DFL);
            libc::raise(libc::SIGABRT);
        }
    };
    // SAFETY: the action only reads a static and makes async-signal-safe calls.
    let _ = unsafe { signal_hook::low_level::register(libc::SIGABRT, action) };
}

/// Exits when the terminal is gone even though no signal came: a process
/// in a session of its own (`setsid`), or whose session leader ignores
/// SIGHUP, gets none when its pty closes, and crossterm's reader then spins
/// on end-of-file without returning. A hung-up tty reports POLLHUP (or
/// POLLERR) to a zero-timeout poll whatever events are asked for.
fn watch_for_hangup() {
    let ttys: Vec<i32> = [libc::STDIN_FILENO, libc::STDOUT_FILENO]
        .into_iter()
        // SAFETY: isatty only inspects the descriptor.
        .filter(|&fd| unsafe { libc::isatty(fd) } == 1)
        .collect();
    thread::spawn(move || {
        loop {
            thread::sleep(HANGUP_CHECK);
            if ttys.iter().any(|&fd| hung_up(fd)) {
                // Nothing is left to restore on a vanished terminal; raw mode
                // is dropped anyway in case it was only an error state.
                let _ = disable_raw_mode();
                std::process::exit(EXIT_HANGUP);
            }
        }
    });
}

fn hung_up(fd: i32) -> bool {
    let mut poll = libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, zero timeout.
    let ready = unsafe { libc::poll(&mut poll, 1, 0) };
    ready > 0 && poll.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    mut app: App,
    signal: &AtomicUsize,
) -> io::Result<()> {
    let theme = Theme::from_env();
    let size = terminal.get_frame().area();
    app::update(
        &mut app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    // Searching runs on its own thread so typing never waits on it.
    app.search.inline = false;
    let (requests, worker_requests) = mpsc::channel();
    let (worker_results, results) = mpsc::channel();
    let index = Arc::clone(&app.search.index);
    thread::spawn(move || search_worker(&index, &worker_requests, &worker_results));
    let mut dirty = true;
    while !app.should_quit && signal.load(Ordering::SeqCst) == 0 {
        while let Ok((generation, results)) = results.try_recv() {
            let effects = app::update(
                &mut app,
                Msg::SearchResults {
                    generation,
                    results,
                },
            );
            run_effects(effects, &requests);
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| ui::render(frame, &app, &theme))?;
            dirty = false;
        }
        let searching = matches!(&app.popup, Some(Popup::Search(p)) if p.searching());
        if !event::poll(if searching { SEARCH_TICK } else { TICK })? {
            continue;
        }
        // Everything already waiting is handled before the next draw: a
        // burst (key repeat, a paste the terminal does not bracket) never
        // waits a frame per key, and `q` is seen even when drawing is slow.
        let burst = Instant::now();
        for _ in 0..MAX_BURST {
            let effects = match event::read()? {
                Event::Paste(text) => app::update(&mut app, Msg::Paste(text)),
                Event::Key(key) => app::press(&mut app, &key),
                event => match to_action(event) {
                    Some(action) => {
                        let effects = app::update(&mut app, action);
                        if let Action::Resize { width, height } = action {
                            // Fixed viewport: resize (and clear) by hand, capped.
                            terminal.resize(capped(width, height))?;
                        }
                        effects
                    }
                    None => Vec::new(),
                },
            };
            run_effects(effects, &requests);
            dirty = true;
            if app.should_quit || burst.elapsed() >= BURST_TIME || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    Ok(())
}

/// Starts the work `update` asked for; its answers come back as messages.
fn run_effects(effects: Vec<Effect>, searches: &Sender<(u64, Query)>) {
    for effect in effects {
        match effect {
            Effect::Search { generation, query } => {
                // The worker only ends with the loop: a send cannot fail before.
                let _ = searches.send((generation, query));
            }
        }
    }
}

/// Answers search requests in order, skipping to the newest pending one:
/// a keystroke made while a search ran supersedes the ones before it.
fn search_worker(
    index: &SearchIndex,
    requests: &Receiver<(u64, Query)>,
    results: &Sender<(u64, Results)>,
) {
    let mut session = Session::new();
    while let Ok(mut request) = requests.recv() {
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let (generation, query) = request;
        if results
            .send((generation, session.search(index, &query)))
            .is_err()
        {
            return;
        }
    }
}

/// A mouse or resize event as an action (keys go through `app::press`).
fn to_action(event: Event) -> Option<Action> {
    match event {
        Event::Resize(width, height) => {
            let area = capped(width, height);
            Some(Action::Resize {
                width: area.width,
                height: area.height,
            })
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        _ => None,
    }
}
