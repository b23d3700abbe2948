//! The machine a run measured on, so figures from different machines are not compared blind.

use std::process::Command;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Machine {
    pub cores: usize,
    pub cpu: String,
    pub ram_gib: f64,
    pub os: String,
    pub kernel: String,
    pub rustc: String,
    /// `git describe`-like: the commit measured, with `-dirty` when the tree had changes.
    pub commit: String,
    /// 1-minute load average at the start and at the end: other work on the machine shows here.
    pub load_start: f64,
    pub load_end: f64,
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn run(cmd: &str, args: &[&str]) -> String {
    Command::new(cmd)
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

pub fn load_average() -> f64 {
    read("/proc/loadavg")
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

pub fn describe() -> Machine {
    let cpuinfo = read("/proc/cpuinfo");
    let cpu = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_else(|| "unknown".into());
    let ram_kib: f64 = read("/proc/meminfo")
        .lines()
        .find(|l| l.starts_with("MemTotal:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    let os = read("/etc/os-release")
        .lines()
        .find_map(|l| l.strip_prefix("PRETTY_NAME="))
        .map(|v| v.trim_matches('"').to_owned())
        .unwrap_or_else(|| std::env::consts::OS.to_owned());
    let dirty = !run("git", &["status", "--porcelain", "--untracked-files=no"]).is_empty();
    let commit = run("git", &["rev-parse", "--short", "HEAD"]);
    Machine {
        cores: std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu,
        ram_gib: ram_kib / 1024.0 / 1024.0,
        os,
        kernel: read("/proc/sys/kernel/osrelease").trim().to_owned(),
        rustc: run("rustc", &["--version"]),
        commit: match (commit.is_empty(), dirty) {
            (true, _) => "unknown".into(),
            (false, true) => format!("{commit}-dirty"),
            (false, false) => commit,
        },
        load_start: load_average(),
        load_end: 0.0,
    }
}
