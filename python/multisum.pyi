"""Consolidated extractive summaries of several news reports, in which every
sentence cites every report that states it.

>>> import multisum
>>> s = multisum.summarize([
...     "Envoys flew to Moscow for ceasefire talks on Tuesday. The weather was cold.",
...     "On Tuesday envoys flew to Moscow for talks on a ceasefire. Markets rose.",
... ], sentences=1)
>>> [c.source for c in s.sentences[0].citations]
[0, 1]
"""

from os import PathLike
from typing import List, Literal, Optional, Tuple, TypedDict, Union

__version__: str

class Report(TypedDict, total=False):
    """A report: its text, and optionally an id (default: its 1-based
    position), a title, a date (ISO 8601, for ``order="date"``) and the path
    it was read from (shown in the output)."""

    text: str
    id: str
    title: str
    date: str
    path: str

class Evidence:
    """What a citation by words matched of the summary sentence."""

    @property
    def claim(self) -> Tuple[int, int]:
        """Byte range of the claim (a clause of the summary sentence) in
        the summary sentence's report, UTF-8 encoded."""
    @property
    def coverage(self) -> float:
        """Share of the claim's content words (weighted by rarity) the
        cited sentence holds, 0 to 1."""
    @property
    def words(self) -> List[str]:
        """The claim's words found in the cited sentence."""
    @property
    def numbers(self) -> List[str]:
        """The claim's numbers, all found in the cited sentence."""
    @property
    def names(self) -> List[str]:
        """The matched words that are names."""
    @property
    def negated(self) -> bool:
        """Whether the claim is negated (and the cited sentence too)."""

class Citation:
    """A report that states one of the sentence's claims."""

    @property
    def source(self) -> int:
        """Index of the cited report in ``Summary.sources``."""
    @property
    def span(self) -> Tuple[int, int]:
        """Byte range (start, end) of the cited sentence in the report's
        text, UTF-8 encoded."""
    @property
    def basis(self) -> Literal["words", "meaning"]:
        """What the citation rests on: shared words, or meaning (with a
        model)."""
    @property
    def evidence(self) -> Optional[Evidence]:
        """For a citation by words of another report, what it matched;
        None for the sentence's own report and citations by meaning."""

class Disagreement:
    """A report that gives another value for the sentence's claim."""

    @property
    def source(self) -> int:
        """Index of the report in ``Summary.sources``."""
    @property
    def span(self) -> Tuple[int, int]:
        """Byte range (start, end) of its sentence that gives the other
        value, UTF-8 encoded."""
    @property
    def kind(self) -> Literal["number", "date", "day", "time", "name"]:
        """What kind of value differs."""
    @property
    def value(self) -> str:
        """The report's value, as written there ("116")."""
    @property
    def ours(self) -> str:
        """The summary sentence's value, as written there ("118")."""
    @property
    def relation(self) -> Literal["differs", "earlier"]:
        """"earlier" when the report is dated before the sentence's report
        (an earlier figure), else "differs"."""
    @property
    def claim(self) -> Tuple[int, int]:
        """Byte range of the claim both state, in the summary sentence's
        report, UTF-8 encoded."""
    @property
    def coverage(self) -> float:
        """Share of the claim's words besides its values (weighted by
        rarity) the report's sentence holds, 0 to 1."""
    @property
    def value_span(self) -> Tuple[int, int]:
        """Byte range of ``value`` in the report's text, UTF-8 encoded."""
    @property
    def ours_span(self) -> Tuple[int, int]:
        """Byte range of ``ours`` in the summary sentence's report."""
    @property
    def phrase(self) -> str:
        """The report's value with the word it counts ("116 sailors"), as
        the text output shows it."""
    @property
    def words(self) -> List[str]:
        """The claim's words besides its values found in the report's
        sentence, as the summary sentence writes them."""

class Sentence:
    """A sentence of the summary, copied verbatim from a report."""

    @property
    def text(self) -> str: ...
    @property
    def source(self) -> int:
        """Index of the report the text was taken from."""
    @property
    def span(self) -> Tuple[int, int]:
        """Byte range (start, end) of the text in its report, UTF-8 encoded."""
    @property
    def score(self) -> float:
        """Importance, normalised so the best candidate is 1."""
    @property
    def corroboration(self) -> int:
        """How many independent reports carry it (syndicated copies count once)."""
    @property
    def citations(self) -> List[Citation]:
        """Every report stating it, the origin included, by report."""
    @property
    def disagreements(self) -> List[Disagreement]:
        """Reports that give another value for its claim, by report;
        never a cited one."""

class SourceInfo:
    """What the summary says about one input report."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> Optional[str]:
        """The title given, else the report's headline."""
    @property
    def path(self) -> Optional[str]: ...
    @property
    def copy_of(self) -> Optional[int]:
        """The report this one is a syndicated copy of, if any."""
    @property
    def language(self) -> str:
        """The language the report was read in, e.g. "english"."""

class Summary:
    """A consolidated summary; ``str(summary)`` is the CLI's text output."""

    @property
    def sentences(self) -> List[Sentence]: ...
    @property
    def sources(self) -> List[SourceInfo]: ...
    @property
    def selector(self) -> Literal["mmr", "coverage", "concepts"]:
        """The objective that chose the sentences (what ``"auto"`` resolved to)."""
    def to_json(self) -> str:
        """What ``multisum summarize --format json`` prints."""
    def to_markdown(self) -> str:
        """What ``multisum summarize --format markdown`` prints."""
    def to_html(self) -> str:
        """What ``multisum summarize --format html`` prints."""
    def explain(self, format: Literal["text", "markdown", "json"] = "text") -> str:
        """What ``multisum summarize --explain`` prints: why each sentence
        was chosen or left out."""

def summarize(
    reports: List[Union[str, Report]],
    *,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    bytes: Optional[int] = None,
    ratio: Optional[float] = None,
    algorithm: Literal["textrank", "lexrank", "centroid", "tfidf"] = "textrank",
    order: Literal["source", "score", "date"] = "source",
    language: str = "english",
    selector: Literal["auto", "mmr", "coverage", "concepts"] = "auto",
    model: Optional[Union[str, PathLike]] = None,
    query: Optional[str] = None,
) -> Summary:
    """Summarizes ``reports`` into one summary in which every sentence cites
    every report that states it.

    At most one budget: ``sentences`` (default 6), ``words``, ``bytes`` or
    ``ratio`` (0 to 1, of the input's body sentences). ``language`` is a
    name or ISO 639-1 code, or "auto" to detect each report's. ``model`` is
    a sentence-embedding model folder (all-MiniLM-L6-v2, as
    ``scripts/fetch-model.sh`` installs it): reports stating a sentence in
    other words are cited too. ``query`` is a question or topic the summary
    should answer, as the CLI's ``--query``. ``selector`` "auto" is concept
    coverage from 7 original reports and MMR for fewer
    (``Summary.selector`` says which ran). The summarizing itself runs
    without the GIL.

    Raises ``ValueError`` for bad options or reports (the CLI's messages)
    and ``TypeError`` for reports of the wrong type.
    """
