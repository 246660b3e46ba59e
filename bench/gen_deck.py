#!/usr/bin/env python3
"""Writes a synthetic deck of N slides, the shape issue 10 measures:
each slide an h2 title, four bullets of which the last two are fragments,
and five lines of Markdown speaker notes. The text is deterministic.
With --code each slide shows a 20-line code block instead of the bullets (Python,
JavaScript or Rust in turn, different on every slide, every other one with
line numbers and two highlight steps): issue 20's highlighting bench.
--code-plain is the same code without line numbers or steps.

usage: gen_deck.py N [--code | --code-plain] [--math] > deck.pug

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


def code_block(s, steps):
    """A 20-line block for slide s, as a Pug `pre: code` with its lines."""
    lang = ("python", "javascript", "rust")[s % 3]
    attrs = "data-trim"
    if steps and s % 2 == 0:
        attrs += ' data-line-numbers="1-4|8-12|18-20"'
    out = ["  pre: code.language-%s(%s)" % (lang, attrs)]
    for i in range(20):
        w = WORDS[(s + i * 5) % len(WORDS)]
        if lang == "python":
            line = ("def %s_%d(x):" % (w, i) if i % 5 == 0
                    else "    return x * %d + len(\"%s\")  # %s" % (s + i, w, w))
        elif lang == "javascript":
            line = ("function %s%d(x) {" % (w, i) if i % 5 == 0
                    else "  const %s = x * %d; // %s" % (w, s + i, w) if i % 5 < 4 else "}")
        else:
            line = ("fn %s_%d(x: u32) -> u32 {" % (w, i) if i % 5 == 0
                    else "    let %s = x * %d; // %s" % (w, s + i, w) if i % 5 < 4 else "}")
        out.append("    | " + line)
    return out


FORMULAS = (
    r"$x_{%d}^2 + y^2 = r^2$",
    r"$$\sum_{k=1}^{%d} \frac{1}{k^2} \le \frac{\pi^2}{6}$$",
    r"$\sqrt{%d + \alpha} \approx \int_0^1 f(t)\,dt$",
    r"$$A_{%d} = \begin{pmatrix} a & b \\ c & d \end{pmatrix}$$",
)


def main():
    n = int(sys.argv[1])
    plain = "--code-plain" in sys.argv[2:]
    code = plain or "--code" in sys.argv[2:]
    math = "--math" in sys.argv[2:]
    out = ["---", "parser: pug", "title: Benchmark deck with %d slides" % n, "---", ""]
    for s in range(1, n + 1):
        out.append("section")
        out.append("  %s Slide %d: %s" % ("h4" if code else "h2", s, words(s, 3)))
        if code:
            out.extend(code_block(s, not plain))
        else:
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
