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

use std::fs;
use std::io::{self, IsTerminal, Read, Stdout, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use base64::Engine;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Cell;
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

use rncp_explorer::app::links::{self, LinkRect};
use rncp_explorer::app::loading::{Loading, Stop};
use rncp_explorer::app::persist::{self, SavedState};
use rncp_explorer::app::{self, Action, App, Effect, Msg, Popup, view::strings};
use rncp_explorer::model::progress::Progress;
use rncp_explorer::model::registry::{self, Warning};
use rncp_explorer::model::{self, Catalogue, LoadError};
use rncp_explorer::search::{Query, Results, SearchIndex, Session};
use rncp_explorer::ui::{self, Theme};

use super::{Chatter, EXIT_BAD_INPUT, index_cache};

/// How often the loop wakes up to look at the signal flag when idle.
const TICK: Duration = Duration::from_millis(100);
/// How often the loading screen looks whether the load ended: the catalogue
/// of a reopened export is ready in about 0.1 s, so a 100 ms tick would add
/// up to as much again before the first frame.
const LOADING_TICK: Duration = Duration::from_millis(10);
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

/// The explorer on a catalogue already loaded (stdout not a terminal: only
/// its message is given).
pub fn run(catalogue: Catalogue) -> ExitCode {
    run_with(Chatter::default(), None, |_| {
        Loaded::Ready(Box::new(App::with_catalogue(catalogue)), Vec::new())
    })
}

/// The explorer on `data`, loaded after the first frame: a gauge shows the
/// load while the loop keeps running, `q`/Esc/Ctrl-C cancel it.
pub fn run_loading(data: Vec<PathBuf>, chatter: Chatter) -> ExitCode {
    let exports = !data.is_empty();
    // The search index of these exports, kept by an earlier run (or by
    // `search`), is read instead of built: search is ready sooner.
    let index_key = index_cache::key(&data);
    run_with(chatter, index_key, |terminal| {
        let loaded = load_with_gauge(terminal, data);
        // RON files and the embedded fiche have nothing to report.
        match loaded {
            Loaded::Ready(app, warnings) if exports => Loaded::Ready(app, warnings),
            Loaded::Ready(app, _) => Loaded::Ready(app, Vec::new()),
            other => other,
        }
    })
}

/// How the load before the loop ended.
enum Loaded {
    Ready(Box<App>, Vec<Warning>),
    /// Cancelled by a key (no partial cache left: the load thread was waited for).
    Stopped(Stop),
    Failed(LoadError),
    /// A signal came; the loop's signal handling decides the status.
    Signalled,
    Terminal(io::Error),
}

/// Warnings are never written over the explorer: counted in its status bar,
/// then reported on stderr as the CLI does once the terminal is restored.
fn run_with(
    chatter: Chatter,
    index_key: Option<index_cache::Key>,
    load: impl FnOnce(&mut Terminal<CrosstermBackend<Stdout>>) -> Loaded,
) -> ExitCode {
    if !io::stdout().is_terminal() {
        eprintln!("{}", strings::NOT_A_TERMINAL);
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let signal = Arc::new(AtomicUsize::new(0));
    watch_signals(Arc::clone(&signal));
    install_panic_hook();
    install_abort_handler();
    watch_for_hangup();
    let state_path = state_file();
    let saved = state_path.as_deref().map(load_state);
    let mut terminal = match enter() {
        Ok(t) => t,
        Err(e) => {
            restore();
            eprintln!("rncp-explorer: impossible de préparer le terminal : {e}");
            return ExitCode::FAILURE;
        }
    };
    LOAD_SIGNAL.get_or_init(|| Arc::clone(&signal));
    let (mut app, warnings) = match load(&mut terminal) {
        Loaded::Ready(app, warnings) => (app, warnings),
        other => {
            restore();
            std::mem::forget(terminal);
            return match other {
                Loaded::Stopped(Stop::Quit) => ExitCode::SUCCESS,
                Loaded::Stopped(Stop::Interrupt) => ExitCode::from(EXIT_INTERRUPT),
                Loaded::Failed(e) => {
                    let _ = writeln!(io::stderr(), "rncp-explorer: {e}");
                    ExitCode::from(EXIT_BAD_INPUT)
                }
                Loaded::Terminal(e) => {
                    let _ = writeln!(io::stderr(), "rncp-explorer: erreur du terminal : {e}");
                    ExitCode::FAILURE
                }
                _ => {
                    let sig = signal.load(Ordering::SeqCst).max(1);
                    ExitCode::from(u8::try_from(128 + sig).unwrap_or(u8::MAX))
                }
            };
        }
    };
    if !warnings.is_empty() {
        let shown = warnings.iter().map(|w| w.to_string()).collect();
        app::update(&mut app, Msg::LoadWarnings(shown));
        app::update(
            &mut app,
            Msg::Notice(strings::load_warnings_notice(warnings.len())),
        );
    }
    let result = event_loop(&mut terminal, &mut app, saved, &signal, index_key);
    restore();
    if !warnings.is_empty() {
        super::report_warnings(&warnings, app.catalogue.len(), chatter);
    }
    // Remembered for the next run only on a deliberate quit (q, Ctrl-C).
    if let (true, Some(path)) = (app.should_quit, &state_path)
        && let Err(e) = save_state(path, &app.saved_state(None))
    {
        let _ = writeln!(
            io::stderr(),
            "rncp-explorer: état non enregistré ({}) : {e}",
            path.display()
        );
    }
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

/// Exit status of Ctrl-C during the load: as SIGINT would give.
const EXIT_INTERRUPT: u8 = 130;

/// The signal flag, for the load's loop to see (set once per run).
static LOAD_SIGNAL: OnceLock<Arc<AtomicUsize>> = OnceLock::new();

/// Loads `data` on a thread (the app and its search index built there too)
/// while this one draws the gauge and reads keys.
fn load_with_gauge(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    data: Vec<PathBuf>,
) -> Loaded {
    let theme = Theme::from_env();
    let progress = Progress::new();
    let (done, finished) = mpsc::channel();
    let worker = {
        let progress = Arc::clone(&progress);
        thread::spawn(move || {
            let options = registry::Options {
                progress: Some(Arc::clone(&progress)),
                ..registry::Options::default()
            };
            let result = model::load_sources(&data, &options).map(|sources| {
                // The search index is built later, off the UI thread, once
                // the list is on screen.
                let app = App::with_catalogue(sources.catalogue);
                (Box::new(app), sources.warnings)
            });
            let _ = done.send(result);
        })
    };
    let mut loading = Loading::new(progress);
    let signal = LOAD_SIGNAL.get().cloned().unwrap_or_default();
    let outcome = loop {
        if let Some(stop) = loading.stop {
            // First: a load that ended meanwhile must not undo the quit.
            // Waited for: the cancel is seen at the next chunk, and a
            // cache being written is removed, never renamed.
            let _ = worker.join();
            return Loaded::Stopped(stop);
        }
        if let Ok(result) = finished.try_recv() {
            break match result {
                Ok((app, warnings)) => Loaded::Ready(app, warnings),
                Err(e) if e.is_cancelled() => Loaded::Stopped(loading.stop.unwrap_or(Stop::Quit)),
                Err(e) => Loaded::Failed(e),
            };
        }
        if signal.load(Ordering::SeqCst) != 0 {
            loading.progress.cancel();
            break Loaded::Signalled;
        }
        if let Err(e) = terminal.draw(|frame| ui::loading::render(frame, &loading, &theme)) {
            loading.progress.cancel();
            break Loaded::Terminal(e);
        }
        match event::poll(LOADING_TICK) {
            Ok(false) => {}
            Ok(true) => match event::read() {
                Ok(Event::Key(key)) => loading.key(key),
                Ok(Event::Resize(width, height)) => {
                    if let Err(e) = terminal.resize(capped(width, height)) {
                        loading.progress.cancel();
                        break Loaded::Terminal(e);
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    loading.progress.cancel();
                    break Loaded::Terminal(e);
                }
            },
            Err(e) => {
                loading.progress.cancel();
                break Loaded::Terminal(e);
            }
        }
    };
    let _ = worker.join();
    outcome
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
    app: &mut App,
    saved: Option<Result<Option<SavedState>, ()>>,
    signal: &AtomicUsize,
    index_key: Option<index_cache::Key>,
) -> io::Result<()> {
    let theme = Theme::from_env();
    // Searching and indexing run on their own threads so typing never waits on them.
    app.search.inline = false;
    let (requests, worker_requests) = mpsc::channel();
    let (worker_results, results) = mpsc::channel();
    let (indexes, built) = mpsc::channel();
    let background = Background {
        searches: requests,
        indexes,
        index_key: index_key.map(Arc::new),
    };
    // Handed to the search worker once the index is there.
    let mut worker_requests = Some(worker_requests);
    let size = terminal.get_frame().area();
    // The first update also hands over the new app's own effects (the index build).
    let effects = app::update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    run_effects(app, effects, &background, terminal)?;
    // After the resize, so that the restored cursors scroll into view.
    match saved {
        Some(Ok(Some(state))) => {
            app::update(app, Msg::Restore(state));
        }
        Some(Err(())) => {
            app::update(app, Msg::Notice(strings::STATE_IGNORED.to_string()));
        }
        Some(Ok(None)) | None => {}
    }
    let mut links: Vec<LinkRect> = Vec::new();
    let mut dirty = true;
    while !app.should_quit && signal.load(Ordering::SeqCst) == 0 {
        if let Ok(index) = built.try_recv() {
            if let Some(requests) = worker_requests.take() {
                let (index, results) = (Arc::clone(&index), worker_results.clone());
                thread::spawn(move || search_worker(&index, &requests, &results));
            }
            let effects = app::update(app, Msg::IndexReady(index));
            run_effects(app, effects, &background, terminal)?;
            dirty = true;
        }
        while let Ok((generation, results)) = results.try_recv() {
            let effects = app::update(
                app,
                Msg::SearchResults {
                    generation,
                    results,
                },
            );
            run_effects(app, effects, &background, terminal)?;
            dirty = true;
        }
        if dirty {
            links = draw(terminal, app, &theme, &links)?;
            dirty = false;
        }
        // Answers are looked for often while one is awaited.
        let searching = matches!(&app.popup, Some(Popup::Search(p)) if p.searching());
        let waiting = searching || !app.search.ready;
        if !event::poll(if waiting { SEARCH_TICK } else { TICK })? {
            continue;
        }
        // Everything already waiting is handled before the next draw: a
        // burst (key repeat, a paste the terminal does not bracket) never
        // waits a frame per key, and `q` is seen even when drawing is slow.
        let burst = Instant::now();
        for _ in 0..MAX_BURST {
            let effects = match event::read()? {
                Event::Paste(text) => app::update(app, Msg::Paste(text)),
                Event::Key(key) => app::press(app, &key),
                event => match to_action(event) {
                    Some(action) => {
                        let effects = app::update(app, action);
                        if let Action::Resize { width, height } = action {
                            // Fixed viewport: resize (and clear) by hand, capped.
                            terminal.resize(capped(width, height))?;
                            links.clear();
                        }
                        effects
                    }
                    None => Vec::new(),
                },
            };
            run_effects(app, effects, &background, terminal)?;
            dirty = true;
            if app.should_quit || burst.elapsed() >= BURST_TIME || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    Ok(())
}

/// Where the loop hands work to its threads.
struct Background {
    /// To the search worker (started when the index is there).
    searches: Sender<(u64, Query)>,
    /// From the index builder.
    indexes: Sender<Arc<SearchIndex>>,
    /// Where the index of the `--data` exports is kept between runs.
    index_key: Option<Arc<index_cache::Key>>,
}

/// Draws a frame, then marks the detail pane's links as OSC 8 hyperlinks.
/// Ratatui's cells cannot carry the sequence (its width would count), so
/// the link's cells, as just drawn, are written again inside an OSC 8
/// open/close pair: same text and style, now clickable where the terminal
/// supports it (others ignore the sequence). Links of the previous frame
/// that are gone are written again plain, so that no stale link remains on
/// cells the diff left alone. Returns the links now marked.
fn draw(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &App,
    theme: &Theme,
    before: &[LinkRect],
) -> io::Result<Vec<LinkRect>> {
    let now = app.visible_links();
    let frame = terminal.draw(|frame| ui::render(frame, app, theme))?;
    let area = frame.area;
    let cells = |l: &LinkRect| -> Vec<(u16, u16, Cell)> {
        (l.x..l.x.saturating_add(l.width))
            .filter(|&x| x < area.right() && l.y < area.bottom())
            .map(|x| (x, l.y, frame.buffer[(x, l.y)].clone()))
            .collect()
    };
    let stale: Vec<_> = before
        .iter()
        .filter(|l| !now.contains(l))
        .map(cells)
        .collect();
    let fresh: Vec<_> = now.iter().map(|l| (l.url.clone(), cells(l))).collect();
    if stale.is_empty() && fresh.is_empty() {
        return Ok(now);
    }
    let backend = terminal.backend_mut();
    for plain in &stale {
        backend.draw(plain.iter().map(|(x, y, c)| (*x, *y, c)))?;
    }
    for (url, link) in &fresh {
        // `visible_links` only gives `links::openable` URLs: no control
        // character can end the sequence early.
        write!(backend, "\x1b]8;;{url}\x1b\\")?;
        backend.draw(link.iter().map(|(x, y, c)| (*x, *y, c)))?;
        write!(backend, "\x1b]8;;\x1b\\")?;
    }
    Backend::flush(backend)?;
    Ok(now)
}

/// Starts the work `update` asked for; its answers come back as messages.
fn run_effects(
    app: &mut App,
    effects: Vec<Effect>,
    background: &Background,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
) -> io::Result<()> {
    for effect in effects {
        match effect {
            Effect::Search { generation, query } => {
                // The worker only ends with the loop: a send cannot fail
                // before (queued until it starts, with the index).
                let _ = background.searches.send((generation, query));
            }
            Effect::BuildIndex => {
                let (catalogue, done) = (Arc::clone(&app.catalogue), background.indexes.clone());
                let key = background.index_key.clone();
                thread::spawn(move || index_cache::read_or_build(key.as_deref(), &catalogue, done));
            }
            Effect::Copy(text) => {
                // The terminal puts it on the clipboard, wherever it runs
                // (over ssh too); never to a file or a pipe.
                if io::stdout().is_terminal() {
                    let backend = terminal.backend_mut();
                    backend.write_all(osc52(&text).as_bytes())?;
                    Backend::flush(backend)?;
                }
            }
            Effect::Open(url) => {
                if let Err(e) = open_url(&url) {
                    let effects = app::update(app, Msg::Notice(strings::open_failed(&e)));
                    debug_assert!(effects.is_empty());
                }
            }
        }
    }
    Ok(())
}

/// The OSC 52 sequence setting the clipboard to `text` (base64, so nothing
/// in the text can end the sequence).
fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x07")
}

/// The system opener on `url`, detached: no terminal (stdin, stdout and
/// stderr null), its own process group, reaped by a thread so the UI never
/// waits on it. The URL is one argument, checked again here.
fn open_url(url: &str) -> Result<(), String> {
    if !links::openable(url) {
        return Err("adresse refusée".to_string());
    }
    let program = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut command = Command::new(program);
    command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => format!("{program} introuvable"),
        _ => format!("{program} : {e}"),
    })?;
    thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}

/// Name of the state file inside the state directory.
const STATE_FILE: &str = "state.ron";

/// `$RNCP_EXPLORER_STATE_DIR/state.ron` (tests), else
/// `$XDG_STATE_HOME/rncp-explorer/state.ron`, else
/// `~/.local/state/rncp-explorer/state.ron`; `None` without a home.
fn state_file() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let dir = if let Some(dir) = var("RNCP_EXPLORER_STATE_DIR") {
        PathBuf::from(dir)
    } else if let Some(xdg) = var("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
    {
        xdg.join("rncp-explorer")
    } else {
        PathBuf::from(var("HOME")?).join(".local/state/rncp-explorer")
    };
    Some(dir.join(STATE_FILE))
}

/// The saved state: `Ok(None)` when there is none yet, `Err` when the file
/// is there but unreadable, too big, corrupt or of another version — the
/// caller then starts afresh and says so; never fatal.
fn load_state(path: &Path) -> Result<Option<SavedState>, ()> {
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(_) => return Err(()),
    };
    let mut text = String::new();
    file.take(persist::MAX_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|_| ())?;
    if text.len() as u64 > persist::MAX_BYTES {
        return Err(());
    }
    persist::parse(&text).map(Some).ok_or(())
}

/// Writes the state atomically: a temporary file in the same directory,
/// then a rename over the old one, so a crash never leaves half a file.
fn save_state(path: &Path, state: &SavedState) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let temp = dir.join(format!(".{STATE_FILE}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(persist::to_ron(state).as_bytes())?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_between_the_markers() {
        assert_eq!(osc52("é\u{1b}"), "\x1b]52;c;w6kb\x07");
    }

    #[test]
    fn state_round_trips_through_the_file_and_garbage_is_ignored() {
        let dir = std::env::temp_dir().join(format!("rncp-state-unit-{}", std::process::id()));
        let path = dir.join(STATE_FILE);
        assert_eq!(load_state(&path), Ok(None));
        let state = SavedState {
            version: persist::VERSION,
            ..SavedState::default()
        };
        save_state(&path, &state).unwrap();
        assert_eq!(load_state(&path), Ok(Some(state)));
        fs::write(&path, "(version: 1, fiches: {\"x\": [").unwrap();
        assert_eq!(load_state(&path), Err(()));
        let _ = fs::remove_dir_all(&dir);
    }
}
