//! Malformed, huge and hostile files give a clear error or diagnostics,
//! never a panic, and never unbounded work.

use innsyn_core::json::ParseErrorKind;
use innsyn_core::read::{self, MAX_FILE_BYTES};
use innsyn_core::registry::Registry;

fn read(bytes: &[u8]) -> Result<read::ReadOutput, innsyn_core::json::ParseError> {
    read::read_bytes(bytes, &Registry::bundled(), Default::default())
}

#[test]
fn empty_binary_truncated_huge_and_deep_inputs_are_clear_errors() {
    assert_eq!(read(b"").unwrap_err().kind, ParseErrorKind::Empty);
    assert_eq!(read(b" \n ").unwrap_err().kind, ParseErrorKind::Empty);
    assert_eq!(
        read(&[0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe])
            .unwrap_err()
            .kind,
        ParseErrorKind::NotUtf8
    );
    assert_eq!(
        read(b"{\"class\": \"dataset\", \"value\": [1, 2")
            .unwrap_err()
            .kind,
        ParseErrorKind::UnexpectedEnd
    );
    let huge = vec![b' '; MAX_FILE_BYTES + 1];
    assert!(matches!(
        read(&huge).unwrap_err().kind,
        ParseErrorKind::TooLarge { .. }
    ));
    let deep = "[".repeat(1_000_000);
    assert_eq!(
        read(deep.as_bytes()).unwrap_err().kind,
        ParseErrorKind::TooDeep
    );
    let deep_obj = "{\"a\":".repeat(200_000);
    assert_eq!(
        read(deep_obj.as_bytes()).unwrap_err().kind,
        ParseErrorKind::TooDeep
    );
}

#[test]
fn absurd_sizes_are_refused_before_allocating() {
    let doc = r#"{"version":"2.0","class":"dataset","id":["a","b"],"size":[100000,100000],
        "dimension":{"a":{"category":{"index":["x"]}},"b":{"category":{"index":["y"]}}},"value":[]}"#;
    let out = read(doc.as_bytes()).unwrap();
    assert!(out.has_errors());
    let doc = r#"{"version":"2.0","class":"dataset","id":["a"],"size":[1],"dimension":{"a":{"category":{"index":["x"]}}},
        "value":{"99999999999999999999":1},"status":{"-1":"x"}}"#;
    let out = read(doc.as_bytes()).unwrap();
    let codes: Vec<_> = out.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        codes.contains(&"SPARSE_KEY_OUT_OF_RANGE") && codes.contains(&"STATUS_KEY_OUT_OF_RANGE"),
        "{codes:?}"
    );
}

#[test]
fn wrong_types_everywhere_never_panic() {
    let docs = [
        r#"{"class":"dataset"}"#,
        r#"{"class":"dataset","id":"x","size":1}"#,
        r#"{"class":"dataset","id":[1],"size":[-1]}"#,
        r#"{"class":"dataset","id":["a"],"size":[1.5],"dimension":[]}"#,
        r#"{"class":"dataset","id":["a"],"size":[1],"dimension":{"a":5},"value":[1]}"#,
        r#"{"class":"dataset","id":["a"],"size":[1],"dimension":{"a":{"category":{"index":{"x":"0"}}}},"value":[1]}"#,
        r#"{"class":"dataset","id":["a"],"size":[1],"dimension":{"a":{"category":{"index":["x"],"child":{"x":["x"]}}}},"value":[true]}"#,
        r#"{"class":"dataset","id":["a"],"size":[1],"dimension":{"a":{"category":{"index":["x"]}}},"value":[1],"status":5,"role":{"geo":"a"},"link":{"alternate":[{"href":"javascript:alert(1)"}]}}"#,
        r#"{"class":"collection","link":{"item":[{"class":"collection","link":{"item":[{"class":"dataset","id":["a"],"size":[1],"dimension":{"a":{"category":{"label":{"x":"X"}}}},"value":[7]}]}}]}}"#,
        r#"{"class":"dimension","category":{"index":["a","a"]}}"#,
        r#"{"class":"bogus"}"#,
        r#"{"error":[{"status":"400","label":"bad query"}]}"#,
        r#"{"format":"innsyn-indicator/1","values":{"a":1}}"#,
        r#"{"format":"innsyn-indicator/1","id":"x","title":5,"values":[1,{"region":5},{"region":"0402","period":"2018","value":{}}]}"#,
        r#"[1,2,3]"#,
        r#""just a string""#,
    ];
    for (k, doc) in docs.iter().enumerate() {
        let out = read(doc.as_bytes()).unwrap();
        // All but the nested collection (valid) have something wrong.
        assert_eq!(
            out.diagnostics.is_empty(),
            k == 8,
            "{doc}: {:?}",
            out.diagnostics
        );
        for d in &out.diagnostics {
            assert!(!d.message.nb.is_empty() && !d.message.en.is_empty());
        }
    }
    // The nested collection's dataset is found; the dangerous link is dropped.
    assert_eq!(
        read(docs[8].as_bytes()).unwrap().datasets[0].values.get(0),
        Some(7.0)
    );
    let out = read(docs[7].as_bytes()).unwrap();
    assert!(out.datasets[0].links.is_empty());
    assert!(out.diagnostics.iter().any(|d| d.code == "UNSAFE_LINK"));
}

#[test]
fn every_truncation_and_byte_flip_of_real_files_is_handled() {
    for name in [
        "ssb/08655_byggekostnadsindeks.json",
        "json-stat.org/oecd.json",
    ] {
        let path = format!(
            "{}/../../tests/data/jsonstat/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        every_cut_and_flip(&std::fs::read(path).unwrap());
    }
    every_cut_and_flip(include_bytes!(
        "../../../public/data/demo/barn-med-tiltak.json"
    ));
}

fn every_cut_and_flip(bytes: &[u8]) {
    // Every cut of a small file; about 3,000 evenly spread cuts of a larger one.
    for cut in (0..bytes.len()).step_by((bytes.len() / 3000).max(1)) {
        let _ = read(&bytes[..cut]);
    }
    let mut seed: u32 = 12345;
    for _ in 0..500 {
        let mut b = bytes.to_vec();
        for _ in 0..4 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let i = seed as usize % b.len();
            b[i] = (seed >> 16) as u8;
        }
        let _ = read(&b);
    }
}

#[test]
fn many_problems_are_capped() {
    let values: Vec<String> = (0..5000).map(|_| "\"1,5\"".to_string()).collect();
    let doc = format!(
        r#"{{"class":"dataset","id":["a"],"size":[5000],"dimension":{{"a":{{"category":{{"index":[{}]}}}}}},"value":[{}]}}"#,
        (0..5000)
            .map(|i| format!("\"c{i}\""))
            .collect::<Vec<_>>()
            .join(","),
        values.join(",")
    );
    let out = read(doc.as_bytes()).unwrap();
    assert!(out.diagnostics.len() <= innsyn_core::diag::MAX_DIAGNOSTICS + 2);
    assert!(out.has_errors());
}
