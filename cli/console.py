"""Text for a terminal: lines that fit 80 columns, marks any encoding can print, and a
training progress bar that redraws in place.

    epoch 3/20 [##############                ] 15/26 loss 0.2310
    epoch 3/20  loss 0.2295  exact 41.20% of 65,536  held out 40.98%  2.4 s
"""

from __future__ import annotations

import sys

from lstm_adder.core.training import Observer

WIDTH = 80  # every line the command line prints fits this many columns
LIVE_WIDTH = WIDTH - 1  # a redrawn line stops short of the last column (no terminal wrap)
MARKS = {True: ("✓", "right"), False: ("✗", "wrong")}  # the mark, and its plain-ASCII form


def can_print(text: str, stream=None) -> bool:
    """Whether `stream` (default stdout) can encode `text`."""
    encoding = getattr(stream or sys.stdout, "encoding", None) or "ascii"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def mark(correct: bool, stream=None) -> str:
    """✓ or ✗, or "right"/"wrong" where the terminal cannot show them."""
    symbol, word = MARKS[bool(correct)]
    return symbol if can_print(symbol, stream) else word


def pack(parts: list[str], width: int = WIDTH, indent: str = "  ") -> list[str]:
    """`parts` joined by two spaces into as few lines as fit `width`; a line that continues
    the one before starts with `indent`. A part is never split."""
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + 2 + len(part) <= width:
            lines[-1] += "  " + part
        else:
            lines.append(part if not lines else indent + part)
    return lines


def bit_rows(accuracy, group: int = 8) -> list[str]:
    """Per-bit accuracy (LSB first), most significant first, `group` bits to a line:

        2^8         1.0000
        2^7..2^0    1.0000 1.0000 0.9990 1.0000 1.0000 1.0000 1.0000 1.0000
    """
    top = len(accuracy) - 1
    rows = []
    for start in range(top - top % group, -1, -group):
        high, low = min(top, start + group - 1), start
        label = f"2^{high}" if high == low else f"2^{high}..2^{low}"
        values = " ".join(f"{accuracy[k]:.4f}" for k in range(high, low - 1, -1))
        rows.append(f"  {label:<12}{values}")
    return rows


class ProgressBar(Observer):
    """A bar redrawn in place (carriage return) while an epoch runs, then one line per
    epoch. Written to a file or a pipe (not `live`), only the epoch lines appear."""

    BAR = 30

    def __init__(self, stream=None, live: bool | None = None):
        self.stream = stream or sys.stdout
        self.live = self.stream.isatty() if live is None else live
        self.epochs = 0
        self.drawn = 0  # length of the bar on screen, to be overwritten

    def on_train_begin(self, recipe, batches: int) -> None:
        self.epochs = recipe.epochs

    def on_batch(self, p) -> None:
        if not self.live:
            return
        head = f"epoch {p.epoch + 1}/{p.epochs} "
        tail = f" {p.batch}/{p.batches} loss {p.loss:.4f}"
        room = max(0, min(self.BAR, LIVE_WIDTH - len(head) - len(tail) - 2))
        filled = room * p.batch // max(1, p.batches)
        self._draw(f"{head}[{'#' * filled:<{room}}]{tail}"[:LIVE_WIDTH])

    def on_epoch(self, m, model) -> None:
        parts = [f"epoch {m.epoch}/{self.epochs}", f"loss {m.loss:.4f}",
                 f"exact {m.exact:.2%} of {m.eval_pairs:,}"]
        if m.heldout_exact is not None:
            parts.append(f"held out {m.heldout_exact:.2%}")
        parts.append(f"{m.elapsed:.1f} s")
        lines = pack(parts)
        if self.drawn:  # overwrite the bar, padding over what would show through
            lines[0] = "\r" + lines[0].ljust(self.drawn)
            self.drawn = 0
        self.stream.write("\n".join(lines) + "\n")
        self.stream.flush()

    def end_line(self) -> None:
        """End a bar left on screen (training stopped mid-epoch), so what follows starts on
        a line of its own."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = 0

    def _draw(self, line: str) -> None:
        self.stream.write("\r" + line.ljust(self.drawn))
        self.stream.flush()
        self.drawn = len(line)
