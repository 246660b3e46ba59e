// layout/inline_break — the break step of inline layout: words (the text
// between two break opportunities) fill a line while they fit, spaces at a
// line's end hang past it, and a word wider than a whole line is broken
// between characters rather than left to overflow.
#include "layout/inline.h"
#include "text/utf8.h"

namespace deckpdf::layout {

namespace {

// The longest stretch of a word shaped at once (see measure_word): longer
// than any word that fits on a line, short enough to shape in kilobytes.
constexpr size_t word_chunk = 4096;

}  // namespace

std::vector<Line> inline_break(text::Shaper& shaper, const std::vector<Piece>& pieces,
                               const Paragraph& para, float width, bool nowrap, bool split_words,
                               const std::vector<LineSpace>* spaces) {
  const std::string& str = para.text;
  auto measure = [&](size_t b, size_t e) {
    float w = 0;
    para.runs(b, e, [&](size_t rb, size_t re, const Paragraph::Range& rg, uint8_t level) {
      const Piece& p = pieces[rg.piece];
      if (p.atomic) {  // its one character, whole: breaks fall between characters
        w += p.atomic->width;
        return;
      }
      w += shaper.measure(p.font, p.style->font_size, std::string_view(str.data() + rb, re - rb),
                          level % 2 == 1);
    });
    return w;
  };
  // A word's width, or, for a word longer than a chunk, a width past `limit`
  // as soon as its chunks add up to more: a word with no break opportunity
  // may be megabytes long, and shaping it whole costs memory in proportion
  // (HarfBuzz's buffer, the glyphs, the cache keys) for a word that is
  // broken between characters anyway.
  auto measure_word = [&](size_t b, size_t e, float limit) {
    if (e - b <= word_chunk) return measure(b, e);
    float w = 0;
    while (b < e && w <= limit) {
      size_t stop = std::min(e, b + word_chunk);
      while (stop < e && (static_cast<unsigned char>(str[stop]) & 0xC0) == 0x80) ++stop;
      w += measure(b, stop);
      b = stop;
    }
    return w;
  };
  std::vector<Line> lines;
  // The room of the line being filled: narrower beside floats.
  float full_width = width;
  auto line_room = [&] {
    size_t k = lines.size();
    width = spaces && k < spaces->size() ? (*spaces)[k].width : full_width;
  };
  line_room();
  auto push = [&](size_t b, size_t e) {
    lines.push_back({b, e});
    line_room();
  };
  size_t line_begin = 0;
  float line_w = 0;
  size_t word_begin = 0;
  size_t last_fit_end = 0;  // end of the last word that fit (without its spaces)
  auto content_end = [&](size_t b, size_t e) {
    while (e > b && (str[e - 1] == ' ' || str[e - 1] == '\n')) --e;
    return e;
  };
  for (size_t i = 0; i < str.size(); ++i) {
    bool must = str[i] == '\n';
    bool can = para.breaks[i] != text::Break::None && !nowrap;
    if (!must && !can && i + 1 != str.size()) continue;
    size_t word_end = i + 1;
    size_t ce = content_end(word_begin, word_end);
    float w_content = measure_word(word_begin, ce, width + 0.01f);
    float w_full =
        ce == word_end ? w_content : w_content + measure_word(ce, word_end, width + 0.01f);
    if (line_w + w_content > width + 0.01f && word_begin > line_begin) {
      push(line_begin, last_fit_end);
      line_begin = word_begin;
      line_w = 0;
    }
    // A word wider than the whole line is broken between characters.
    if (split_words && w_content > width + 0.01f && word_begin == line_begin) {
      size_t pos = word_begin;
      float acc = 0;
      size_t seg_begin = word_begin;
      while (pos < ce) {
        size_t next = pos;
        text::utf8_next(str, next);
        while (next < ce && (static_cast<unsigned char>(str[next]) & 0xC0) == 0x80) ++next;
        float cw = measure(pos, next);
        if (acc + cw > width && pos > seg_begin) {
          push(seg_begin, pos);
          seg_begin = pos;
          acc = 0;
        }
        acc += cw;
        pos = next;
      }
      line_begin = seg_begin;
      line_w = acc + (w_full - w_content);
      last_fit_end = ce;
    } else {
      line_w += w_full;
      last_fit_end = ce;
    }
    word_begin = word_end;
    if (must) {
      push(line_begin, ce);
      line_begin = word_end;
      line_w = 0;
      last_fit_end = word_end;
    }
  }
  if (line_begin < str.size()) lines.push_back({line_begin, content_end(line_begin, str.size())});
  if (spaces) {
    for (size_t k = 0; k < lines.size() && k < spaces->size(); ++k) {
      lines[k].indent = (*spaces)[k].indent;
      lines[k].width = (*spaces)[k].width;
    }
  }

  return lines;
}

}  // namespace deckpdf::layout
