"""Tests for analysis.store and the CLI: tables written, manifest, reuse of unchanged articles, atomic writes."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.pipeline import Settings, unregistered_name_finder
from analysis.schema import TABLES
from analysis.store import HASH_BLOCK, file_hash, load_results, run_corpus

TEST_DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(TEST_DATA / "crisis_article.md", folder / "crisis.md")
    (folder / "extra.csv").write_text(
        "headline,body,date,link\n"
        'Talks stall,"Joe Biden said on Tuesday that talks with Moscow had stalled.",2022-02-22,https://x.example/1\n',
        encoding="utf-8",
    )
    return folder


def test_run_corpus_writes_every_table_and_a_manifest(corpus, tmp_path):
    out = tmp_path / "out"
    results = run_corpus([corpus], out, settings=Settings(ner_model=""))
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{name}.parquet" for name in (*TABLES, "problems")] + ["manifest.json"]
    )
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["rows"]["articles"] == 2
    assert manifest["inputs"][0]["path"] == str(corpus)
    assert len(manifest["inputs"][0]["sha256"]) == 64
    assert manifest["articles_reused"] == 0
    assert manifest["unregistered_names"] == "name heuristic (no model asked for)"
    loaded = load_results(out)
    for name in TABLES:
        assert list(getattr(loaded, name).columns) == list(TABLES[name])
        assert len(getattr(loaded, name)) == len(getattr(results, name))
    text = dict(zip(loaded.articles["article_id"], loaded.articles["text"], strict=True))
    assert all(text[m.article_id][m.start : m.end] == m.surface for m in loaded.mentions.itertuples())
    assert all(text[s.article_id][s.start : s.end] == s.text for s in loaded.sentences.itertuples())


def test_rerun_reuses_unchanged_articles_and_redoes_changed_ones(corpus, tmp_path):
    out = tmp_path / "out"
    first = run_corpus([corpus], out, settings=Settings(ner_model=""))
    (corpus / "extra.csv").write_text(
        "headline,body,date,link\n"
        'Talks stall,"Kyiv said on Tuesday that Joe Biden had collapsed the talks.",2022-02-22,https://x.example/1\n',
        encoding="utf-8",
    )
    second = run_corpus([corpus], out, settings=Settings(ner_model=""))
    assert json.loads((out / "manifest.json").read_text())["articles_reused"] == 1
    crisis = first.articles.loc[first.articles["url"].str.contains("meridianwire"), "article_id"].iloc[0]
    pd.testing.assert_frame_equal(
        first.mentions[first.mentions["article_id"] == crisis].reset_index(drop=True),
        second.mentions[second.mentions["article_id"] == crisis].reset_index(drop=True),
    )
    changed = second.mentions[second.mentions["article_id"] != crisis]
    assert changed["surface"].tolist() == ["Kyiv", "Joe Biden"]
    third = run_corpus([corpus], out, settings=Settings(ner_model="", sentiment="vader"))
    assert json.loads((out / "manifest.json").read_text())["articles_reused"] == 0
    assert len(third.articles) == 2


@pytest.mark.parametrize("crash_at", [1, 2, 4, 7])
def test_a_run_killed_while_writing_leaves_previous_results_intact(corpus, tmp_path, monkeypatch, crash_at):
    out = tmp_path / "out"
    run_corpus([corpus], out, settings=Settings(ner_model=""))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (corpus / "more.csv").write_text(
        'headline,body\nAnother,"Kyiv said on Friday that the talks would go on."\n', encoding="utf-8"
    )
    original = pd.DataFrame.to_parquet
    calls = []

    def crash_on_nth_write(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == crash_at:
            raise KeyboardInterrupt
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", crash_on_nth_write)
    with pytest.raises(KeyboardInterrupt):
        run_corpus([corpus], out, settings=Settings(ner_model=""))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert len(load_results(out).articles) == 2


def test_tables_that_do_not_match_the_manifest_are_refused(corpus, tmp_path):
    out = tmp_path / "out"
    run_corpus([corpus], out, settings=Settings(ner_model=""))
    pd.read_parquet(out / "mentions.parquet").iloc[:1].to_parquet(out / "mentions.parquet")
    with pytest.raises(ValueError, match=r"mentions do not match manifest\.json"):
        load_results(out)


def test_csv_format_round_trips(corpus, tmp_path):
    results = run_corpus([corpus], tmp_path / "pq", settings=Settings(ner_model=""))
    run_corpus([corpus], tmp_path / "csv", settings=Settings(ner_model="", output_format="csv"))
    loaded = load_results(tmp_path / "csv")
    assert (tmp_path / "csv" / "mentions.csv").exists()
    for name in TABLES:
        expected, found = getattr(results, name), getattr(loaded, name)
        assert found.columns.tolist() == expected.columns.tolist()
        for column in expected.columns:
            if expected[column].dtype.kind in "fi":
                wanted = expected[column].astype(float).tolist()
                assert found[column].astype(float).tolist() == pytest.approx(wanted, nan_ok=True)
            else:
                assert found[column].tolist() == expected[column].tolist(), (name, column)
    assert (loaded.quotes["speaker_id"] == "").sum() == (results.quotes["speaker_id"] == "").sum()


def test_cli_runs_and_reports_problems(corpus, tmp_path, capsys):
    (corpus / "broken.jsonl").write_text('{"title": "ok", "text": "Kyiv said no."}\n{not json\n', encoding="utf-8")
    code = main(["run", str(corpus), "--out", str(tmp_path / "cli"), "--quiet", "--ner-model", ""])
    captured = capsys.readouterr()
    assert code == 0
    assert "broken.jsonl" in captured.err and "line 2" in captured.err
    assert "Articles kept: 3" in captured.out
    assert len(load_results(tmp_path / "cli").articles) == 3


def test_cli_rejects_missing_inputs_and_bad_options(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 2
    assert "input not found" in capsys.readouterr().err
    assert main(["run", str(tmp_path), "--out", str(tmp_path / "o"), "--jobs", "0"]) == 2
    assert "--jobs must be at least 1" in capsys.readouterr().err


def test_cli_as_a_module_with_two_jobs(corpus, tmp_path):
    out = tmp_path / "jobs"
    finished = subprocess.run(
        [sys.executable, "-m", "analysis", "run", str(corpus), "--out", str(out), "--jobs", "2", "--quiet",
         "--map", "text=body,title=headline", "--format", "csv"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert finished.returncode == 0, finished.stderr
    assert len(load_results(out).articles) == 2


def test_file_hash_reads_large_files_in_blocks_and_folders_in_sorted_order(tmp_path):
    big = tmp_path / "corpus" / "b.csv"
    big.parent.mkdir()
    content = bytes(range(256)) * (HASH_BLOCK // 256 * 3 + 7)  # more than three blocks, not a whole number
    big.write_bytes(content)
    (tmp_path / "corpus" / "a.txt").write_bytes(b"first")
    assert file_hash(big) == hashlib.sha256(b"b.csv" + content).hexdigest()
    folder = hashlib.sha256(b"a.txt" + b"first" + b"b.csv" + content).hexdigest()
    assert file_hash(tmp_path / "corpus") == folder


def test_the_manifest_says_how_names_outside_the_registry_were_found(tmp_path):
    assert unregistered_name_finder("") == "name heuristic (no model asked for)"
    # the default model name used to be recorded as if it had run when it was not installed
    assert unregistered_name_finder("actorlens_no_such_model") == (
        "name heuristic (actorlens_no_such_model is not installed)")
    folder = tmp_path / "model"
    folder.mkdir()
    assert unregistered_name_finder(str(folder)).startswith(f"spaCy model {folder} (path:")


def quipped_article(tmp_path: Path) -> Path:
    """A one-article corpus whose only quote is attributed by "quipped"."""
    article = tmp_path / "in" / "quip.txt"
    article.parent.mkdir()
    article.write_text('Talks\n\n"The talks are over," Vladimir Putin quipped on Monday.\n', encoding="utf-8")
    return article


def test_cli_rules_folder_replaces_a_bundled_cue_file(tmp_path):
    # a user's review: changing a cue list meant editing data/ in a clone of the repository
    rules = tmp_path / "rules"
    rules.mkdir()
    bundled = (ROOT / "data" / "speech_cues.yaml").read_text(encoding="utf-8")
    assert "quipped, quips," in bundled
    (rules / "speech_cues.yaml").write_text(bundled.replace("quipped, quips,", ""), encoding="utf-8")
    article = quipped_article(tmp_path)
    common = ["run", str(article), "--quiet", "--ner-model", ""]
    assert main([*common, "--out", str(tmp_path / "bundled")]) == 0
    assert main([*common, "--out", str(tmp_path / "own"), "--rules", str(rules)]) == 0
    bundled_quotes, own_quotes = (load_results(tmp_path / name).quotes for name in ("bundled", "own"))
    assert bundled_quotes[["speaker_id", "cue"]].values.tolist() == [["vladimir_putin", "quipped"]]
    assert own_quotes[["speaker_id", "cue"]].values.tolist() == [["", ""]]
    manifests = [json.loads((tmp_path / name / "manifest.json").read_text()) for name in ("bundled", "own")]
    assert manifests[1]["settings"]["rules_dir"] == str(rules)
    assert manifests[0]["fingerprint"] != manifests[1]["fingerprint"]  # results of the other rules are not reused


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "holds none of the rule files"),
        ({"speech_cue.yaml": "speech_verbs: [said]\n"}, "speech_cue.yaml: not a rule file; the folder may hold"),
        ({"actors.yaml": "actors: []\n"}, "actors.yaml: the actors file is given with --actors, not in --rules"),
        ({"speech_cues.yaml": "speech_verb: [said]\n"}, "speech_cues.yaml: unknown field speech_verb (data/"),
        ({"stance_cues.yaml": "- support\n"}, "stance_cues.yaml: expected a mapping of list names to lists"),
        ({"lexicon.yaml": "not_names: [The\n"}, "lexicon.yaml: cannot read (line 2, column 1"),
    ],
)
def test_cli_rules_folder_refuses_what_it_cannot_use(tmp_path, capsys, files, message):
    rules = tmp_path / "rules"
    rules.mkdir()
    for name, text in files.items():
        (rules / name).write_text(text, encoding="utf-8")
    code = main(["run", str(quipped_article(tmp_path)), "--out", str(tmp_path / "o"), "--rules", str(rules)])
    assert code == 2
    error = capsys.readouterr().err
    assert error.startswith("error: ") and message in error
    assert not (tmp_path / "o").exists()  # refused before any article was read


def test_cli_names_the_outlet_of_a_table_without_sources(tmp_path, capsys):
    # a review of the Guardian/NYT corpus: every chart said "Guardians_Russia_Ukraine", and nothing could rename it
    table = tmp_path / "Guardians_Russia_Ukraine.csv"
    table.write_text('title,text\nOne,"Kyiv said no."\nTwo,"Moscow said yes."\n', encoding="utf-8")
    out = tmp_path / "named"
    common = ["run", str(table), "--quiet", "--ner-model", "", "--stages", "actors"]
    assert main([*common, "--out", str(out), "--source-name", "guardians_russia_ukraine.csv=The Guardian"]) == 0
    assert load_results(out).articles["source"].tolist() == ["The Guardian", "The Guardian"]
    assert "source set to 'The Guardian', the outlet named for this file" in capsys.readouterr().err
    assert main([*common, "--out", str(tmp_path / "plain")]) == 0
    assert load_results(tmp_path / "plain").articles["source"].tolist() == ["Guardians_Russia_Ukraine"] * 2
    assert main([*common, "--out", str(tmp_path / "bad"), "--source-name", "The Guardian"]) == 2
    assert "bad --source-name 'The Guardian': write FILE=Outlet name" in capsys.readouterr().err
