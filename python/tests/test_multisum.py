"""The Python package against the CLI: same input and options, same bytes."""

import json
import os
import pathlib
import subprocess
import threading
import tomllib

import pytest

import multisum

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = "corpus/ceasefire-talks"
CLI = os.environ.get("MULTISUM_BIN") or next(
    (str(p) for p in (ROOT / "target" / d / "multisum" for d in ("release", "debug")) if p.exists()),
    "multisum",
)


def corpus_reports():
    """The corpus as the CLI reads it: the manifest's ids, titles, dates, paths."""
    manifest = tomllib.loads((ROOT / CORPUS / "manifest.toml").read_text())
    return [
        {
            "id": r["id"],
            "text": (ROOT / CORPUS / r["file"]).read_text(),
            "path": f"{CORPUS}/{r['file']}",
            **{k: r[k] for k in ("title", "date") if k in r},
        }
        for r in manifest["report"]
    ]


def cli(*args):
    env = {k: v for k, v in os.environ.items() if k != "MULTISUM_MODEL"}
    return subprocess.run(
        [CLI, *args], cwd=ROOT, capture_output=True, text=True, check=True, env=env
    ).stdout


# Outside CI the comparison with the CLI needs a built binary; in CI it must run.
needs_cli = pytest.mark.skipif(
    not pathlib.Path(CLI).exists() and not os.environ.get("CI"), reason="no multisum binary"
)


@needs_cli
@pytest.mark.parametrize(
    "options,flags",
    [
        ({}, []),
        ({"sentences": 10}, ["--sentences", "10"]),
        ({"words": 120, "algorithm": "lexrank"}, ["--words", "120", "--algorithm", "lexrank"]),
        ({"order": "date", "selector": "coverage"}, ["--order", "date", "--selector", "coverage"]),
        ({"query": "Putin's visit to the Kursk region"}, ["--query", "Putin's visit to the Kursk region"]),
    ],
)
def test_corpus_gives_the_clis_output(options, flags):
    summary = multisum.summarize(corpus_reports(), **options)
    assert summary.to_json() == cli("summarize", "--format", "json", *flags, CORPUS)
    assert str(summary) == cli("summarize", *flags, CORPUS)
    assert summary.to_markdown() == cli("summarize", "--format", "markdown", *flags, CORPUS)
    assert summary.to_html() == cli("summarize", "--format", "html", *flags, CORPUS)
    assert summary.explain("json") == cli("summarize", "--explain", "--format", "json", *flags, CORPUS)


def test_objects_match_the_json():
    summary = multisum.summarize(corpus_reports())
    data = json.loads(summary.to_json())
    assert len(summary.sentences) == len(data["sentences"]) == 6
    for s, d in zip(summary.sentences, data["sentences"]):
        assert s.text == d["text"] and s.source == d["source"] and list(s.span) == d["span"]
        assert s.corroboration == d["corroboration"]
        assert [(c.source, list(c.span), c.basis) for c in s.citations] == [
            (c["source"], c["span"], c["basis"]) for c in d["citations"]
        ]
    texts = [r["text"].encode() for r in corpus_reports()]
    for s, d in zip(summary.sentences, data["sentences"]):
        assert texts[s.source][s.span[0] : s.span[1]].decode() == s.text
        for c, j in zip(s.citations, d["citations"]):
            e = c.evidence
            if e is None:
                assert j["evidence"] is None
                continue
            want = j["evidence"]
            assert (list(e.claim), e.words, e.numbers, e.names, e.negated) == (
                want["claim"], want["words"], want["numbers"], want["names"], want["negated"]
            )
            assert abs(e.coverage - want["coverage"]) < 1e-6
            claim = texts[s.source][e.claim[0] : e.claim[1]].decode()
            assert claim in s.text and all(w in claim for w in e.words)
    assert any(c.evidence is not None for s in summary.sentences for c in s.citations)
    assert [src.id for src in summary.sources] == [r["id"] for r in corpus_reports()]
    assert summary.sources[0].language == "english"
    assert summary.selector == json.loads(summary.explain("json"))["selector"] == "mmr"
    assert multisum.summarize(corpus_reports(), selector="concepts").selector == "concepts"


def test_disagreements_match_the_json():
    reports = [
        "Rescuers tried again to reach the 116 sailors trapped in the sunken submarine Kursk. "
        "The navy said the weather in the Barents Sea had improved overnight.",
        "Rescuers tried again to reach the 118 sailors trapped in the sunken submarine Kursk. "
        "Norwegian divers opened the outer hatch of the escape trunk.",
    ]
    summary = multisum.summarize(reports, sentences=1)
    data = json.loads(summary.to_json())
    (s,) = summary.sentences
    want = data["sentences"][0]["disagreements"]
    assert len(s.disagreements) == len(want) == 1
    d, j = s.disagreements[0], want[0]
    assert (d.source, list(d.span), d.kind, d.value, d.ours, d.relation) == (
        j["source"], j["span"], j["kind"], j["value"], j["ours"], j["relation"]
    )
    assert (d.value, d.ours, d.relation) == ("118", "116", "differs")
    assert list(d.claim) == j["claim"] and abs(d.coverage - j["coverage"]) < 1e-6
    assert (list(d.value_span), list(d.ours_span), d.words) == (
        j["value_span"], j["ours_span"], j["words"]
    )
    assert reports[d.source].encode()[d.value_span[0] : d.value_span[1]].decode() == "118"
    assert d.phrase == "118 sailors"


def test_strings_are_reports_numbered_from_one():
    summary = multisum.summarize(
        [
            "Envoys flew to Moscow for ceasefire talks on Tuesday. The weather was cold.",
            "On Tuesday envoys flew to Moscow for talks on a ceasefire. Markets rose.",
        ],
        sentences=1,
    )
    assert [s.id for s in summary.sources] == ["1", "2"]
    assert [c.source for c in summary.sentences[0].citations] == [0, 1]


@pytest.mark.parametrize(
    "reports,options,error,message",
    [
        ([], {}, ValueError, "no reports"),
        (["a"], {"sentences": 2, "words": 5}, ValueError, "cannot be used together"),
        (["a"], {"ratio": 1.5}, ValueError, "not a number between 0 and 1"),
        (["a"], {"algorithm": "pagerank"}, ValueError, "expected one of textrank"),
        (["a"], {"language": "klingon"}, ValueError, "or auto"),
        ([{"id": "x"}], {}, ValueError, 'no "text"'),
        ([{"text": "a", "url": "u"}], {}, ValueError, "unknown key"),
        ([42], {}, TypeError, "expected a str or a dict"),
        (["a"], {"model": "no/such/model"}, ValueError, "no such folder"),
    ],
)
def test_errors(reports, options, error, message):
    with pytest.raises(error, match=message):
        multisum.summarize(reports, **options)


def test_summaries_run_in_parallel_threads():
    reports = corpus_reports()
    expected = multisum.summarize(reports).to_json()
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(multisum.summarize(reports).to_json()))
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4
