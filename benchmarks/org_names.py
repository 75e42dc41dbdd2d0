"""Organization names on a real archive: how many end in a particle, a time word or a
person's name, or are a bare type word, and a sample to read.  Prints figures; run by hand:

    python benchmarks/org_names.py [--limit 3000] [--corpus ../shared/corpus/baomoi-2017.jsonl.gz]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import random
import re
import sys

from orggraph.loaders.extract import extract_article
from orggraph.loaders.names import find_person_names
from orggraph.loaders.read import RawArticle
from orggraph.loaders.subjects import is_bare_head

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_BAD_END = re.compile(r"\s(?:là|có|được|đã|đang|sẽ|của|và|với|cho|tại|theo|về|từ|đến|ông|bà|này|đó|năm|tháng|ngày|"
                      r"sáng|chiều|hôm|nay|khi|thì|để|các|những|cũng|vừa)$")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "baomoi-2017.jsonl.gz"))
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        sys.exit(f"no corpus at {args.corpus}")
    names = collections.Counter()
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= args.limit:
                break
            row = json.loads(line)
            ex = extract_article(RawArticle(source=row["id"], text=row["text"], title=row.get("title"),
                                            date=row.get("date")))
            for h in ex.held_office:
                names[h.organization.name] += 1
    bad_end = [n for n in names if _BAD_END.search(n)]
    bare = [n for n in names if is_bare_head(n)]
    one_word = [n for n in names if len(n.split()) == 1 and n not in bare]  # brands and acronyms: read them
    person_end = [n for n in names if any(s > 0 and e == len(n) for s, e, _ in find_person_names(n))]
    total = len(names)
    print(f"articles {args.limit}  distinct organizations {total}  statements {sum(names.values())}")
    print(f"ending in a particle or time word: {len(bad_end)}  bare type word: {len(bare)}  "
          f"ending in a person's name: {len(person_end)}  one word (brands, acronyms): {len(one_word)}")
    for title, rows in (("particle/time", bad_end), ("bare", bare), ("person", person_end), ("one word", one_word)):
        for name in rows[:15]:
            print(f"  {title}: {name}")
    random.seed(args.seed)
    print("sample:")
    for name in random.sample(sorted(names), min(args.sample, total)):
        print("  ", name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
