//! A site: the catalog `innsyn fetch` is run on, beside its registry,
//! boundaries and another file, in a temporary folder.

use std::path::PathBuf;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use innsyn_core::registry::Registry;
use innsyn_core::{catalog, ssb};
use serde_json::Value;

use crate::mock::Mock;
use crate::{ssb_file, API_PATH, BIN, ROOT};

pub(crate) const CATALOG: &str = r#"{
  "format": "innsyn-catalog/1",
  "title": { "nb": "Test", "en": "Test" },
  "regions": "regions.json",
  "boundaries": { "url": "kart/k.geojson", "attribution": "© Kartverket (CC BY 4.0)", "join": "kommunenummer_2024" },
  "indicators": [
    { "id": "grunnskole", "ssb": { "table": "12367", "live": true }, "unit": "1000 kr",
      "select": { "KOKregnskapsomfa0000": "A", "KOKfunksjon0000": "FGK8b", "KOKart0000": "AGD2", "ContentsCode": "KOSbelop0000" } },
    { "id": "helse", "ssb": { "table": "12367", "live": true },
      "select": { "KOKregnskapsomfa0000": "A", "KOKfunksjon0000": "FGK9", "KOKart0000": "AGD2", "ContentsCode": "KOSbelop0000" } },
    { "id": "bygg", "url": "filer/bygg.json?v=1" }
  ],
  "dashboards": { "region": ["grunnskole", "helse"] },
  "comparisons": ["EAKUO", "EAK"]
}
"#;

pub(crate) struct Site {
    pub(crate) root: PathBuf,
    pub(crate) src: PathBuf,
    pub(crate) out: PathBuf,
}

/// A passing test leaves nothing behind; a failing one leaves its files.
impl Drop for Site {
    fn drop(&mut self) {
        if !thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.root);
        }
    }
}

impl Site {
    /// A catalog in `src/` beside its registry, boundaries and another
    /// file; the output goes to `out/`.
    pub(crate) fn new(name: &str, catalog: &str) -> Site {
        let root = std::env::temp_dir().join(format!("innsyn-fetch-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let (src, out) = (root.join("src"), root.join("out"));
        for d in ["kart", "filer"] {
            std::fs::create_dir_all(src.join(d)).unwrap();
        }
        std::fs::copy(
            format!("{ROOT}/public/data/regions.json"),
            src.join("regions.json"),
        )
        .unwrap();
        std::fs::copy(
            format!("{ROOT}/tests/data/geo/hedmark_oppland_2024geom_small.geojson"),
            src.join("kart/k.geojson"),
        )
        .unwrap();
        std::fs::write(
            src.join("filer/bygg.json"),
            ssb_file("08655_byggekostnadsindeks.json"),
        )
        .unwrap();
        std::fs::write(src.join("catalog.json"), catalog).unwrap();
        Site { root, src, out }
    }
    pub(crate) fn catalog(&self) -> String {
        self.src.join("catalog.json").to_string_lossy().into_owned()
    }
    /// The requests for the catalog and its registry.
    pub(crate) fn requests(&self) -> Vec<ssb::TableRequest> {
        let text = std::fs::read_to_string(self.catalog()).unwrap();
        let (cat, _) = catalog::parse(&text, &self.catalog()).unwrap();
        let reg = std::fs::read_to_string(self.src.join("regions.json")).unwrap();
        let (reg, _) = Registry::parse(&reg).unwrap();
        ssb::table_requests(&cat, &reg, "no")
    }
    /// The requests `innsyn fetch` must send: `TableRequest::url`.
    pub(crate) fn expected(&self, api: &str) -> Vec<String> {
        self.requests().iter().map(|r| r.url(api)).collect()
    }
    pub(crate) fn snapshot(&self) -> Option<Vec<u8>> {
        std::fs::read(self.out.join("ssb-12367.json")).ok()
    }
    pub(crate) fn written(&self) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.out.join("catalog.json")).unwrap())
            .unwrap()
    }
    pub(crate) fn files(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(&self.out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
    pub(crate) fn fetch(&self, mock: &Mock, extra: &[&str]) -> (i32, String, Duration) {
        let started = Instant::now();
        let out = Command::new(BIN)
            .arg("fetch")
            .arg(self.catalog())
            .arg("--out")
            .arg(&self.out)
            .args([
                "--api",
                &mock.api(),
                "--per-minute",
                "1000",
                "--timeout",
                "2",
            ])
            .args(extra)
            // The mock is on 127.0.0.1: no proxy in between.
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            .env_remove("HTTPS_PROXY")
            .env_remove("https_proxy")
            .env_remove("HTTP_PROXY")
            .env_remove("http_proxy")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr),
            started.elapsed(),
        )
    }
}

/// The path and query a URL asks for.
pub(crate) fn target(url: &str) -> String {
    let rest = url.split_once("://").unwrap().1;
    rest[rest.find('/').unwrap()..].to_string()
}

pub(crate) fn data_request(t: &str) -> bool {
    t.starts_with(&format!("{API_PATH}/tables/12367/data?"))
}
