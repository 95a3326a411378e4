//! HTTP to SSB: the one ureq agent, SSB's rate limit (a sliding window)
//! and the retries after 429 and 503.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use crate::args::tr;
use innsyn_core::i18n::Lang;
use innsyn_core::read;

use super::args::Args;

/// Sent with every request, so SSB can see who asks.
pub const USER_AGENT: &str = concat!(
    "Innsyn/",
    env!("CARGO_PKG_VERSION"),
    " (innsyn fetch; child welfare statistics dashboard)"
);
const CONNECT_SECS: u64 = 10;
/// Wait before retrying a 429/503 that gives no `Retry-After`; doubled each time.
const BACKOFF_SECS: u64 = 10;
/// A `Retry-After` longer than this is not waited for: the table fails.
const MAX_RETRY_AFTER_SECS: u64 = 120;

// ---------------------------------------------------------------- rate limit

/// Time as the limiter sees it; tests give it a clock they move themselves.
pub trait Clock {
    /// Time since some fixed start.
    fn now(&self) -> Duration;
    fn sleep(&mut self, d: Duration);
}

struct RealClock(Instant);

impl Clock for RealClock {
    fn now(&self) -> Duration {
        self.0.elapsed()
    }
    fn sleep(&mut self, d: Duration) {
        std::thread::sleep(d)
    }
}

/// At most `limit` requests in any window of `window` (a sliding window,
/// as SSB counts).
pub struct Limiter {
    limit: usize,
    window: Duration,
    sent: VecDeque<Duration>,
}

impl Limiter {
    pub fn new(limit: usize, window: Duration) -> Limiter {
        Limiter {
            limit: limit.max(1),
            window,
            sent: VecDeque::new(),
        }
    }

    /// How long to wait at `now` before another request may be sent.
    pub fn delay(&mut self, now: Duration) -> Duration {
        while self.sent.front().is_some_and(|&t| t + self.window <= now) {
            self.sent.pop_front();
        }
        if self.sent.len() < self.limit {
            Duration::ZERO
        } else {
            self.sent[0] + self.window - now
        }
    }

    /// Waits until a request may be sent and counts it; returns the wait.
    pub fn acquire(&mut self, clock: &mut impl Clock) -> Duration {
        let mut waited = Duration::ZERO;
        loop {
            let d = self.delay(clock.now());
            if d.is_zero() {
                break;
            }
            clock.sleep(d);
            waited += d;
        }
        self.sent.push_back(clock.now());
        waited
    }
}

// ---------------------------------------------------------------- HTTP

pub(super) struct Http {
    agent: ureq::Agent,
    limiter: Limiter,
    clock: RealClock,
    retries: u32,
    timeout: Duration,
    pub(super) lang: Lang,
    /// Requests sent, retries included.
    pub(super) sent: usize,
}

pub(super) struct Answer {
    pub(super) status: u16,
    pub(super) body: Vec<u8>,
}

/// `Retry-After` in seconds (the HTTP-date form is not used by SSB).
pub fn retry_after(value: Option<&str>) -> Option<u64> {
    value?.trim().parse().ok()
}

impl Http {
    pub(super) fn new(a: &Args) -> Http {
        let config = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(CONNECT_SECS).min(a.timeout)))
            .timeout_send_request(Some(a.timeout))
            .timeout_recv_response(Some(a.timeout))
            .timeout_recv_body(Some(a.timeout))
            .max_redirects(3)
            .build();
        Http {
            agent: config.into(),
            limiter: Limiter::new(a.per_minute, Duration::from_secs(60)),
            clock: RealClock(Instant::now()),
            retries: a.retries,
            timeout: a.timeout,
            lang: a.lang,
            sent: 0,
        }
    }

    /// GET `url`, waiting for the rate limit, and after 429 or 503 for
    /// `Retry-After` (at most `retries` times). Other statuses are returned
    /// as they are; `Err` when no answer came.
    pub(super) fn get(&mut self, url: &str) -> Result<Answer, String> {
        let mut attempt = 0;
        loop {
            self.limiter.acquire(&mut self.clock);
            self.sent += 1;
            let (status, wait, body) = self.once(url)?;
            if matches!(status, 429 | 503) && attempt < self.retries {
                let secs = wait.unwrap_or(BACKOFF_SECS << attempt);
                if secs > MAX_RETRY_AFTER_SECS {
                    eprintln!(
                        "{}",
                        tr(
                            self.lang,
                            format!("  SSB svarte {status} og ber oss vente {secs} s; gir opp denne tabellen"),
                            format!("  SSB answered {status} and asks us to wait {secs} s; giving up on this table"),
                        )
                    );
                    return Ok(Answer { status, body });
                }
                attempt += 1;
                eprintln!(
                    "{}",
                    tr(
                        self.lang,
                        format!("  SSB svarte {status}; venter {secs} s og prøver igjen ({attempt} av {})", self.retries),
                        format!("  SSB answered {status}; waiting {secs} s and trying again ({attempt} of {})", self.retries),
                    )
                );
                self.clock.sleep(Duration::from_secs(secs));
                continue;
            }
            return Ok(Answer { status, body });
        }
    }

    fn once(&self, url: &str) -> Result<(u16, Option<u64>, Vec<u8>), String> {
        let lang = self.lang;
        let why = |e: ureq::Error| match e {
            ureq::Error::Timeout(_) => tr(
                lang,
                format!(
                    "SSB svarte ikke innen {} s (tidsavbrudd)",
                    self.timeout.as_secs()
                ),
                format!(
                    "no answer from SSB within {} s (timeout)",
                    self.timeout.as_secs()
                ),
            ),
            ureq::Error::BodyExceedsLimit(_) => tr(
                lang,
                format!(
                    "svaret er større enn {} MB",
                    read::MAX_FILE_BYTES / 1_000_000
                ),
                format!(
                    "the answer is larger than {} MB",
                    read::MAX_FILE_BYTES / 1_000_000
                ),
            ),
            e => tr(lang, format!("ingen svar: {e}"), format!("no answer: {e}")),
        };
        let mut resp = self.agent.get(url).call().map_err(why)?;
        let status = resp.status().as_u16();
        let wait = retry_after(
            resp.headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok()),
        );
        let body = resp
            .body_mut()
            .with_config()
            .limit(read::MAX_FILE_BYTES as u64)
            .read_to_vec()
            .map_err(why)?;
        Ok((status, wait, body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct FakeClock(Duration);
    impl Clock for FakeClock {
        fn now(&self) -> Duration {
            self.0
        }
        fn sleep(&mut self, d: Duration) {
            self.0 += d;
        }
    }

    #[test]
    fn the_limiter_allows_30_in_any_minute() {
        let mut clock = FakeClock(Duration::ZERO);
        let mut l = Limiter::new(30, Duration::from_secs(60));
        let mut sent = Vec::new();
        for _ in 0..100 {
            l.acquire(&mut clock);
            sent.push(clock.now());
            clock.0 += Duration::from_millis(100); // each request takes a moment
        }
        // No window of 60 s holds more than 30 requests …
        for (i, &t) in sent.iter().enumerate() {
            let in_window = sent[i..]
                .iter()
                .take_while(|&&u| u < t + Duration::from_secs(60))
                .count();
            assert!(in_window <= 30, "{in_window} requests from {t:?}");
        }
        // … and the limiter waits no longer than it must: the 31st goes
        // exactly a minute after the first.
        assert_eq!(sent[30], sent[0] + Duration::from_secs(60));
        assert!(sent[99] < Duration::from_secs(200), "{:?}", sent[99]);
    }

    #[test]
    fn the_limiter_never_waits_for_slow_requests() {
        let mut clock = FakeClock(Duration::ZERO);
        let mut l = Limiter::new(30, Duration::from_secs(60));
        for _ in 0..50 {
            assert_eq!(l.acquire(&mut clock), Duration::ZERO);
            clock.0 += Duration::from_secs(3);
        }
        let mut one = Limiter::new(1, Duration::from_secs(60));
        assert_eq!(one.acquire(&mut clock), Duration::ZERO);
        assert_eq!(one.acquire(&mut clock), Duration::from_secs(60));
    }

    #[test]
    fn retry_after_is_read_in_seconds() {
        assert_eq!(retry_after(Some("1")), Some(1));
        assert_eq!(retry_after(Some(" 30 ")), Some(30));
        assert_eq!(retry_after(Some("Wed, 21 Oct 2026 07:28:00 GMT")), None);
        assert_eq!(retry_after(None), None);
    }
}
