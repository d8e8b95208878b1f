"""Bad input a researcher may bring: each case is reported by file and line or row, and everything good in
the same file or run is still read."""

from __future__ import annotations

import gzip
import io
import os
import zipfile
from pathlib import Path

import pytest

from analysis import ingest
from analysis.cli import main
from analysis.ingest import read_corpus, walk_folder
from analysis.store import file_hash, load_results


def write(folder: Path, name: str | bytes, content: bytes) -> Path:
    """Write bytes to a file below `folder` (a bytes name may be any file name the system allows)."""
    path = folder / (os.fsdecode(name) if isinstance(name, bytes) else name)
    path.write_bytes(content)
    return path


def texts_and_notes(paths: list[Path]) -> tuple[list[str], list[str]]:
    """The article texts read from the paths, and every problem as text."""
    result = read_corpus(paths)
    return result.articles["text"].tolist(), [str(problem) for problem in result.problems]


def test_a_file_name_that_is_not_utf8_is_read_and_shown_with_replacement_characters(tmp_path):
    try:
        path = write(tmp_path, b"r\xe9sum\xe9.csv", b'text\n"Putin said no to NATO."\n')
    except OSError:  # a file system that only takes UTF-8 names cannot hold such a file
        pytest.skip("the file system refuses file names that are not UTF-8")
    texts, notes = texts_and_notes([tmp_path])
    assert texts == ["Putin said no to NATO."]
    assert notes[0] == f"{tmp_path}/r\ufffdsum\ufffd.csv: no date column - articles kept without a date"
    assert len(file_hash(path)) == 64 and len(file_hash(tmp_path)) == 64


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_skipped_instead_of_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.csv")
    write(tmp_path, "good.csv", b"text\nKyiv said yes.\n")
    texts, notes = texts_and_notes([tmp_path])
    assert texts == ["Kyiv said yes."]
    assert f"{tmp_path}/pipe.csv: not a regular file (a pipe, socket or device) - file skipped" in notes
    assert len(file_hash(tmp_path)) == 64 and len(file_hash(tmp_path / "pipe.csv")) == 64


def test_a_damaged_zip_member_is_skipped_by_name_and_the_other_members_are_read(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "Alpha\n\n" + "Moscow said no. " * 50)
        archive.writestr("b.txt", "Beta\n\n" + "Kyiv said yes. " * 50)
    data = bytearray(buffer.getvalue())
    start = data.index(b"b.txt") + len(b"b.txt")  # the compressed bytes of b.txt follow its local header name
    data[start : start + 4] = b"\xff" * 4  # a deflate block of the reserved type 3
    texts, notes = texts_and_notes([write(tmp_path, "bundle.zip", bytes(data))])
    assert [text.split("\n")[0] for text in texts] == ["Alpha"]
    assert [note for note in notes if "b.txt" in note] == [
        f"{tmp_path}/bundle.zip:b.txt: cannot unpack (Error -3 while decompressing data: invalid block type)"
        " - file skipped"
    ]


def test_a_nul_character_is_removed_from_its_row_and_named(tmp_path):
    path = write(tmp_path, "a.csv", b'text\n"Putin said no to NATO.\x00"\n"Zelensky said yes."\n')
    texts, notes = texts_and_notes([path])
    assert texts == ["Putin said no to NATO.", "Zelensky said yes."]
    assert notes[0] == f"{path}: NUL characters removed from line 2"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (gzip.compress(b"text\nPutin\n"), "a gzip-compressed file, unpack it first"),
        ("text\nPutin said no.\n".encode("utf-16-le"), "UTF-16 text without a byte-order mark, save it as UTF-8"),
        (bytes(range(256)) * 4, "binary data"),
    ],
)
def test_a_file_that_is_not_text_says_what_it_seems_to_be(tmp_path, content, kind):
    path = write(tmp_path, "a.csv", content)
    assert texts_and_notes([path]) == ([], [f"{path}: not a text file: {kind} - file skipped"])


def test_mixed_encodings_keep_the_utf8_lines_and_name_the_others(tmp_path):
    path = write(tmp_path, "a.csv", b'text\n"Zelensky\xe2\x80\x99s plea."\n"Caf\xe9 owner met Putin."\n')
    texts, notes = texts_and_notes([path])
    assert texts == ["Zelensky\u2019s plea.", "Caf\u00e9 owner met Putin."]
    assert notes[0] == f"{path}: mixed encodings: line 3 not UTF-8, decoded as cp1252"


def test_a_plain_text_of_one_paragraph_is_the_text_not_a_title(tmp_path):
    path = write(tmp_path, "a.txt", b"Putin said on Monday that Moscow would respond.\n")
    result = read_corpus([path])
    assert result.articles[["title", "text"]].values.tolist() == [
        ["", "Putin said on Monday that Moscow would respond."]
    ]
    assert f"{path}: one paragraph only - read as the text, without a title" in map(str, result.problems)


def test_tab_separated_fields_keep_their_quote_marks(tmp_path):
    content = 'title\ttext\nT1\t"No deal," Zelensky said.\nT2\t"Unclosed quote about Putin.\nT3\tPutin met Biden.\n'
    texts, _ = texts_and_notes([write(tmp_path, "a.tsv", content.encode())])
    assert texts == ['T1\n\n"No deal," Zelensky said.', 'T2\n\n"Unclosed quote about Putin.', "T3\n\nPutin met Biden."]


def test_tab_separated_fields_quoted_by_a_spreadsheet_are_still_read(tmp_path):
    content = 'title\ttext\nT1\t"Line one\nline two"\nT2\tPlain.\n'
    texts, notes = texts_and_notes([write(tmp_path, "a.tsv", content.encode())])
    assert texts == ["T1\n\nLine one line two", "T2\n\nPlain."]  # a line break inside a sentence is a space
    assert not [note for note in notes if "malformed" in note]


def test_json_lines_saved_as_json_and_articles_keyed_by_id_are_read(tmp_path):
    lines = write(tmp_path, "a.json", b'{"text": "Putin said no."}\n{"text": "Zelensky said yes."}\n')
    keyed = write(tmp_path, "b.json", b'{"x1": {"text": "Kyiv spoke."}, "x2": {"text": "Moscow spoke."}}')
    texts, _ = texts_and_notes([lines, keyed])
    assert texts == ["Putin said no.", "Zelensky said yes.", "Kyiv spoke.", "Moscow spoke."]


def test_a_title_too_long_to_be_one_is_cut_and_the_text_kept(tmp_path):
    title = "lorem " * 300_000
    path = write(tmp_path, "a.jsonl", f'{{"title": "{title}", "text": "Putin said no."}}\n'.encode())
    result = read_corpus([path])
    (text,) = result.articles["text"].tolist()
    assert len(result.articles["title"][0]) == 995 and text.endswith("lorem\n\nPutin said no.")
    assert f"{path}, line 1: title longer than 1,000 characters - cut" in map(str, result.problems)


def test_summary_counts_add_up_with_skipped_files_apart(tmp_path):
    write(tmp_path, "a.csv", b"text\nPutin said no.\n\nPutin said no.\n,\nKyiv said yes.\n")
    write(tmp_path, "b.csv", b"")
    write(tmp_path, "c.rtf", b"{\\rtf1}")
    summary = read_corpus([tmp_path]).summary()
    assert summary.splitlines() == [
        "Articles read: 3",
        "Articles kept: 2",
        "Near-duplicates marked: 0",
        "Exact duplicates removed: 1",
        "Articles skipped: 0",
        "Files skipped: 2",
        "  empty file: 1",
        "  unsupported file type: 1",
        "Articles without a date: 2",
    ]


def test_cli_reads_the_inputs_that_exist_and_notes_the_missing_one(tmp_path, capsys):
    good = write(tmp_path, "good.csv", b"text\nPutin said no.\n")
    code = main(["run", str(good), str(tmp_path / "nope.csv"), "--out", str(tmp_path / "out"), "--quiet"])
    captured = capsys.readouterr()
    assert code == 0
    assert f"note: {tmp_path / 'nope.csv'}: file not found - file skipped" in captured.err
    assert load_results(tmp_path / "out").articles["text"].tolist() == ["Putin said no."]


def test_a_field_named_differently_in_some_lines_is_read_from_either_name(tmp_path):
    path = write(
        tmp_path,
        "a.jsonl",
        b'{"text": "Putin said no.", "date": "2022-02-21"}\n{"text": "Kyiv said yes.", "published": "2022-02-22"}\n',
    )
    result = read_corpus([path])
    assert [str(day.date()) for day in result.articles["published"]] == ["2022-02-21", "2022-02-22"]
    assert f"{path}: date taken from column 'published' in 1 rows where 'date' is empty" in map(str, result.problems)


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path):
    not_a_folder = write(tmp_path, "plain.txt", b"Kyiv said yes.\n")  # listing it fails as a locked folder would
    files, problems = walk_folder(not_a_folder)
    assert files == []
    assert [str(problem) for problem in problems] == [
        f"{not_a_folder}: cannot read folder (Not a directory) - file skipped"
    ]


def test_the_manifest_hash_passes_over_a_file_it_cannot_read(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", b"Kyiv said yes.\n")
    locked = write(tmp_path, "b.txt", b"Moscow said no.\n")
    readable = file_hash(tmp_path)
    real_open = Path.open

    def refuse(path, *args, **kwargs):
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    hashed = file_hash(tmp_path)
    assert len(hashed) == 64 and hashed != readable


def test_a_text_table_that_starts_like_a_binary_format_is_still_text(tmp_path):
    path = write(tmp_path, "a.csv", b"PAR1,text\n1,Kyiv said yes.\n")
    assert texts_and_notes([path])[0] == ["Kyiv said yes."]


def test_a_file_too_large_for_the_memory_is_skipped_with_advice_and_the_rest_read(tmp_path, monkeypatch):
    big = write(tmp_path, "big.csv", b"text\n" + b"Putin said no. " * 100 + b"\n")
    write(tmp_path, "small.txt", b"Kyiv said yes.\n")
    monkeypatch.setattr(ingest, "physical_memory", lambda: 6 * 1024)  # room for files up to 1 KiB
    texts, notes = texts_and_notes([tmp_path])
    assert texts == ["Kyiv said yes."]
    assert notes[0] == (
        f"{big}: too large to read here (1.5 KiB needs about 8.8 KiB of memory, this machine has 6.0 KiB): split"
        " it into smaller files - file skipped"
    )
