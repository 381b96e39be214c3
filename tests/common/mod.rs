// Each test binary uses a different part of these helpers.
#![allow(dead_code)]

pub mod app;
pub mod cli;
pub mod export;
pub mod pty;
