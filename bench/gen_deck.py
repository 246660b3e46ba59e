#!/usr/bin/env python3
"""Writes a synthetic deck of N slides, the shape issue 10 measures:
each slide an h2 title, four bullets of which the last two are fragments,
and five lines of Markdown speaker notes. The text is deterministic.

usage: gen_deck.py N [--math] > deck.pug

With --math each slide also holds one TeX formula (issue 22's bench), in
turn inline and display, from a few shapes: scripts, fractions, roots,
sums with limits, matrices.
"""
import sys

WORDS = ("latency throughput process message actor supervisor node cluster "
         "queue backpressure scheduler mailbox runtime garbage collector "
         "hot code upgrade fault tolerance distribution telemetry").split()


def words(seed, count):
    return " ".join(WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(count))


FORMULAS = (
    r"$x_{%d}^2 + y^2 = r^2$",
    r"$$\sum_{k=1}^{%d} \frac{1}{k^2} \le \frac{\pi^2}{6}$$",
    r"$\sqrt{%d + \alpha} \approx \int_0^1 f(t)\,dt$",
    r"$$A_{%d} = \begin{pmatrix} a & b \\ c & d \end{pmatrix}$$",
)


def main():
    n = int(sys.argv[1])
    math = "--math" in sys.argv[2:]
    out = ["---", "parser: pug", "title: Benchmark deck with %d slides" % n, "---", ""]
    for s in range(1, n + 1):
        out.append("section")
        out.append("  h2 Slide %d: %s" % (s, words(s, 3)))
        out.append("  ul")
        out.append("    li %s" % words(s + 1, 6))
        out.append("    li %s" % words(s + 2, 5))
        out.append("    li.fragment %s" % words(s + 3, 7))
        out.append("    li.fragment %s" % words(s + 4, 4))
        if math:
            out.append("  p " + FORMULAS[s % len(FORMULAS)] % s)
        out.append("  aside.notes")
        out.append("    :markdown-it")
        out.append("      Notes for slide %d: %s." % (s, words(s + 5, 8)))
        out.append("      - %s" % words(s + 6, 6))
        out.append("      - %s, see **%s**" % (words(s + 7, 5), words(s, 1)))
        out.append("      - `%s` and %s" % (words(s + 8, 1), words(s + 9, 4)))
        out.append("      Closing line %d." % s)
        out.append("")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
