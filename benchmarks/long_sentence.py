"""Extraction time of one sentence listing many names: it must grow linearly.

    .venv/bin/python benchmarks/long_sentence.py [N ...]     (default 2000 4000 8000 16000 100000)

Prints, for each N, the article's size, the seconds to extract it and the seconds per
thousand names.  A hostile article of 100,000 names (about 2 MB) once took hours, because
the title search lowercased the sentence once per name and the clause and parenthesis
lookups rescanned it from the start.  Run by hand; not part of the test suite.
"""
from __future__ import annotations

import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from orggraph.loaders.extract import extract_article  # noqa: E402
from orggraph.loaders.read import RawArticle  # noqa: E402

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Xuân"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Quân", "Sơn", "Tâm",
         "Thắng", "Tuấn"]


def article(names: int, seed: int = 1) -> str:
    """One sentence: a holder, then `names` attendees separated by commas."""
    rng = random.Random(seed)
    listed = ", ".join(f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}" for _ in range(names))
    return ("Sáng 16-10-2024, Thành ủy Hải Phòng tổ chức hội nghị với sự tham dự của đồng chí Lê Tiến Châu, "
            f"Bí thư Thành ủy và các đồng chí {listed}.")


def seconds(names: int) -> tuple[int, float]:
    text = article(names)
    started = time.perf_counter()
    extract_article(RawArticle(source="bench", text=text))
    return len(text.encode("utf-8")), time.perf_counter() - started


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [2000, 4000, 8000, 16000, 100000]
    seconds(10)  # lexicons load once, outside the timings
    print(f"{'names':>8} {'bytes':>10} {'seconds':>8} {'s/1k names':>11}")
    for names in sizes:
        size, took = seconds(names)
        print(f"{names:>8} {size:>10} {took:>8.2f} {took / names * 1000:>11.3f}")


if __name__ == "__main__":
    main()
