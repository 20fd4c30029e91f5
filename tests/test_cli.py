"""End-to-end tests through the installed `faultlines` command."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEEDS, needs_shared

CONTRACT = {"event_id", "doc_id", "url", "source", "target", "cameo", "root", "quad_class",
            "goldstein", "plover", "modality", "date", "date_text", "location", "sentence",
            "span", "trigger", "confidence", "rule"}


def run(*args: str, stdin: str | None = None, cwd: Path | None = None,
        env: dict | None = None) -> subprocess.CompletedProcess:
    exe = shutil.which("faultlines") or str(Path(sys.executable).parent / "faultlines")
    return subprocess.run([exe, *args], capture_output=True, text=True, input=stdin,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=600)


@needs_shared
def test_code_seed_prints_only_contract_json_lines():
    seed = SEEDS / "000_40cb76c66a3e4242.txt"
    p = run("code", str(seed), "--date", "2022-02-23", "--format", "jsonl")
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines
    text = seed.read_text(encoding="utf-8")
    for line in lines:
        ev = json.loads(line)
        assert CONTRACT <= set(ev)
        assert ev["url"] == str(seed)
        assert ev["root"] == ev["cameo"][:2]
        s, e = ev["span"]
        assert e > s
    assert len(text) > 0


def test_code_jsonl_keeps_ids(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "doc-77", "date": "2023-08-09", "text":
                               "The United States imposed sanctions on Belarus on Tuesday."}) + "\n",
                   encoding="utf-8")
    p = run("code", str(src), "--format", "jsonl")
    assert p.returncode == 0, p.stderr
    events = [json.loads(x) for x in p.stdout.splitlines()]
    assert events and all(e["doc_id"] == "doc-77" for e in events)
    ev = events[0]
    assert (ev["source"]["country"], ev["target"]["country"], ev["root"]) == ("USA", "BLR", "16")
    assert ev["date"] == "2023-08-08"


def test_code_from_stdin_and_zero_events():
    p = run("code", "-", "--format", "json", stdin="The weather was fine on Monday.")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == []


def test_usage_errors_exit_1():
    p = run("code", "x.txt", "--date", "yesterday")
    assert p.returncode == 1
    assert p.stderr.strip() == "faultlines: --date must be a date as YYYY-MM-DD, not 'yesterday'"
    p = run("code", "x.txt", "--format", "xml")
    assert p.returncode == 1 and "unknown format" in p.stderr


def test_ingest_bad_folder_records_failures_and_exits_2(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "articles" / "meeting_a.txt", folder / "a.txt")
    (folder / "bin.txt").write_bytes(b"\x00\xff\x00binary")
    (folder / "empty.txt").write_text("")
    (folder / "docs.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Japan thanked India for its help."}) + "\n{oops\n")
    db = tmp_path / "f.db"
    p = run("ingest", str(folder), "--db", str(db))
    assert p.returncode == 2
    fail_lines = [x for x in p.stderr.splitlines() if x.startswith("faultlines: ")]
    assert len(fail_lines) == 3
    assert any("bin.txt: binary file, not text" in x for x in fail_lines)
    assert any("docs.jsonl:2: malformed JSON" in x for x in fail_lines)
    assert "2 stored, 0 skipped as duplicates, 3 failed" in p.stderr
    docs = run("docs", "--db", str(db), "--failures")
    assert "empty file" in docs.stdout
    # idempotent: again, nothing new is stored
    p = run("ingest", str(folder), "--db", str(db))
    assert "0 stored, 2 skipped as duplicates, 3 failed" in p.stderr


@needs_shared
def test_ingest_seeds_twice_stores_two_documents(tmp_path):
    db = tmp_path / "f.db"
    for _ in range(2):
        p = run("ingest", str(SEEDS), "--db", str(db), "--date", "2022-02-23")
        assert p.returncode == 0, p.stderr
    import sqlite3

    n = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
    assert n == 2


def test_events_filters_and_merge(tmp_path):
    db = tmp_path / "f.db"
    p = run("ingest", str(EXAMPLES / "articles.jsonl"), env={"FAULTLINES_DB": str(db)})
    assert p.returncode == 0, p.stderr
    out = run("events", "--dyad", "AUS:IDN", "--root", "04", "--format", "jsonl",
              env={"FAULTLINES_DB": str(db)})
    assert out.returncode == 0, out.stderr
    events = [json.loads(x) for x in out.stdout.splitlines()]
    assert events
    for ev in events:
        assert ev["source"]["country"] == "AUS" and ev["target"]["country"] == "IDN"
        assert ev["root"] == "04" and ev["num_articles"] >= 1
    table = run("events", "--actor", "BLR", "--modality", "asserted", "--limit", "3",
                env={"FAULTLINES_DB": str(db)})
    assert table.returncode == 0 and "BLR" in table.stdout


def test_actors_commands():
    p = run("actors", "resolve", "the Kremlin")
    assert json.loads(p.stdout) == {"text": "the Kremlin", "name": "Government of Russia",
                                    "code": "RUSGOV", "country": "RUS", "role": "GOV"} or \
        json.loads(p.stdout)["code"] == "RUSGOV"
    p = run("actors", "resolve", "President Trump", "--date", "2022-03-01")
    assert json.loads(p.stdout)["code"] != "USAGOV"
    p = run("actors", "list", "--country", "RUS", "--role", "GOV", "--kind", "person")
    assert "Vladimir Putin" in p.stdout


@pytest.mark.parametrize("cmd", ["code", "ingest", "events", "docs", "quotes"])
def test_help_shows_an_example(cmd):
    p = run(cmd, "--help")
    assert p.returncode == 0 and "Example: faultlines" in p.stdout


def test_stored_quotes_by_speaker(tmp_path):
    db = tmp_path / "q.db"
    p = run("ingest", str(EXAMPLES / "articles" / "phone_call.txt"), "--db", str(db),
            "--date", "2023-06-15")
    assert p.returncode == 0, p.stderr
    out = run("quotes", "--db", str(db), "--speaker", "FRA", "--format", "jsonl")
    quotes = [json.loads(x) for x in out.stdout.splitlines()]
    assert quotes and all(q["speaker"]["code"].startswith("FRA") for q in quotes)
    assert {"doc_id", "speaker", "text", "kind", "cue", "span"} <= set(quotes[0])


def test_eval_commands_on_small_files(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": "France condemned Russia on Monday.",
                                "date": "20220301", "text_origin": "real_news_sentence",
                                "events": [{"source": "FRA", "target": "RUS", "code": "111"}]})
                    + "\n", encoding="utf-8")
    p = run("eval", "events", str(gold))
    assert p.returncode == 0, p.stderr
    assert "country+root                 P 1.000  R 1.000  F1 1.000" in p.stdout
    actors = tmp_path / "actors.jsonl"
    actors.write_text(json.dumps({"method": "search_nat", "input": "the Kremlin",
                                  "expected": {"country": "RUS"}}) + "\n", encoding="utf-8")
    p = run("eval", "actors", str(actors))
    assert p.returncode == 0 and "country accuracy  1.000  (1/1)" in p.stdout


def test_two_processes_store_the_same_events(tmp_path):
    import sqlite3

    ids = []
    for j in ("1", "2"):
        db = tmp_path / f"j{j}.db"
        p = run("ingest", str(EXAMPLES / "articles.jsonl"), "--db", str(db), "-j", j)
        assert p.returncode == 0, p.stderr
        conn = sqlite3.connect(db)
        ids.append(sorted(r[0] for r in conn.execute("SELECT event_id FROM events")))
    assert ids[0] and ids[0] == ids[1]


def test_user_actor_file(tmp_path):
    people = tmp_path / "mine.tsv"
    people.write_text("name\taliases\tcode\tcountry\ttitle\tstart\tend\n"
                      "Jane Example\tExample\tFRAGOV\tFRA\tforeign minister\t2024-01-01\t\n",
                      encoding="utf-8")
    p = run("actors", "resolve", "Jane Example", "--actors", str(people), "--date", "2024-06-01")
    assert json.loads(p.stdout)["code"] == "FRAGOV"
    p = run("code", "-", "--actors", str(people), "--date", "2024-05-01", "--format", "jsonl",
            stdin="Jane Example visited Berlin on Monday.")
    events = [json.loads(x) for x in p.stdout.splitlines()]
    assert any(e["source"]["code"] == "FRAGOV" and e["target"]["code"] == "DEUGOV" for e in events)


def test_dyads_only_leaves_out_one_sided_events():
    text = ("North Korea fired a ballistic missile into the sea on Thursday. "
            "Japan lodged a protest with North Korea the same day.")
    every = [json.loads(x) for x in run("code", "-", "--date", "2023-11-12",
                                        stdin=text).stdout.splitlines()]
    dyads = [json.loads(x) for x in run("code", "-", "--date", "2023-11-12", "--dyads-only",
                                        stdin=text).stdout.splitlines()]
    assert any(e["source"] is None or e["target"] is None for e in every)
    assert dyads and all(e["source"] and e["target"] for e in dyads)
    assert len(dyads) < len(every)
