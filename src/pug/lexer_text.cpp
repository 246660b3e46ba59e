// pug/lexer_text.cpp — the Lexer's text: text with `#{}`, `!{}` and `#[]`
// interpolation, indented text blocks, and the extent of JavaScript inside
// them (to a line end, an unmatched ']' or a closing bracket).
#include <algorithm>
#include <cstdint>
#include <string>

#include "pug/lexer_impl.h"

namespace deckpdf::pug::detail {

// The extent of JavaScript from `i`: to the line end, or (in an
// interpolation) to an unmatched ']'; with `one_group`, to the end of the
// bracket group starting at i.
uint32_t Lexer::js_extent(uint32_t i, uint32_t end, bool stop_bracket, bool one_group) const {
  int depth = 0;
  while (i < end) {
    char c = s_[i];
    if (c == '"' || c == '\'' || c == '`') {
      uint32_t e = string_end(i, end);
      if (e == 0) return end;
      i = e;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth == 0) {
        if (stop_bracket && c == ']') return i;
      } else {
        --depth;
        if (one_group && depth == 0) return i + 1;
      }
    }
    ++i;
  }
  return end;
}

// --- text ----------------------------------------------------------------

// Text from p to `end` with `#{}`, `!{}` and `#[]` interpolation and `\#`
// escapes. In an interpolation, stops at an unmatched ']' and returns its
// position.
uint32_t Lexer::text(uint32_t p, uint32_t end, bool stop_bracket, int depth) {
  uint32_t run = p;  // start of plain text not yet pushed
  auto flush = [&](uint32_t e) {
    if (e > run) push(TokenKind::Text, {run, e}, view(run, e));
  };
  uint32_t i = p;
  while (i < end) {
    char c = s_[i];
    if (c == '\\' && i + 2 < end + 1 && i + 1 < end && (s_[i + 1] == '#' || s_[i + 1] == '!') &&
        i + 2 < end && (s_[i + 2] == '{' || s_[i + 2] == '[')) {
      // `\#{`, `\#[`, `\!{`: the backslash goes, the rest is literal.
      flush(i);
      run = i + 1;
      i += 3;
      continue;
    }
    if ((c == '#' || c == '!') && i + 1 < end && s_[i + 1] == '{') {
      uint32_t close = js_close(i + 2, end, '}');
      if (close == 0) {
        diags_.error({i, i + 2}, "pug.unclosed-interpolation",
                     std::string("unclosed '") + c + "{'; the text is kept as written");
        i += 2;
        continue;
      }
      flush(i);
      Token& t = push(TokenKind::InterpCode, {i, close + 1}, view(i + 2, close));
      t.escaped = c == '#';
      i = close + 1;
      run = i;
      continue;
    }
    if (c == '#' && i + 1 < end && s_[i + 1] == '[' && i >= no_interpolation_before_) {
      if (depth >= max_interpolation_depth) {
        diags_.error({i, i + 2}, "pug.too-deep", "tag interpolation nested too deeply");
        i += 2;
        continue;
      }
      flush(i);
      size_t mark = tokens_.size();
      push(TokenKind::InterpStart, {i, i + 2});
      uint32_t stop = statement(i + 2, end, 0, /*stop_bracket*/ true, depth + 1);
      if (stop >= end || s_[stop] != ']') {
        // No closing ']': the whole thing is text.
        tokens_.resize(mark);
        diags_.error({i, i + 2}, "pug.unclosed-interpolation",
                     "unclosed '#['; the text is kept as written");
        // No later '#[' on this line can close either: reading each again
        // would take exponential time on `#[#[#[…`.
        no_interpolation_before_ = end;
        run = i;
        i += 2;
        continue;
      }
      push(TokenKind::InterpEnd, {stop, stop + 1});
      i = stop + 1;
      run = i;
      continue;
    }
    if (stop_bracket && c == ']') {
      flush(i);
      return i;
    }
    ++i;
  }
  flush(end);
  return end;
}

// The position of the `close` character ending a JavaScript expression
// that starts at i, or 0.
uint32_t Lexer::js_close(uint32_t i, uint32_t end, char close) const {
  int depth = 0;
  while (i < end) {
    char c = s_[i];
    if (c == '"' || c == '\'' || c == '`') {
      uint32_t e = string_end(i, end);
      if (e == 0) return 0;
      i = e;
      continue;
    }
    if (c == close && depth == 0) return i;
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    ++i;
  }
  return 0;
}

// An indented text block starting at line `p`: every following line that
// is blank or indented deeper than `level`. The indentation of its least
// indented line is removed (pug-lexer's pipelessText). Blank lines at the
// very end of the file are dropped.
uint32_t Lexer::text_block(uint32_t p, size_t level, bool interpolate) {
  struct Line {
    uint32_t begin, end;
    size_t indent;
    bool blank;
  };
  std::vector<Line> lines;
  size_t min_indent = SIZE_MAX;
  uint32_t q = p;
  while (q < len()) {
    uint32_t e = eol(q);
    uint32_t k = q;
    while (k < e && is_blank(s_[k])) ++k;
    if (k == e) {
      lines.push_back({q, e, k - q, true});
    } else {
      if (k - q <= level) break;
      min_indent = std::min<size_t>(min_indent, k - q);
      lines.push_back({q, e, k - q, false});
    }
    q = next_line(e);
  }
  if (q >= len()) {
    while (!lines.empty() && lines.back().blank) lines.pop_back();
  }
  // Blank lines before the first text line are not in the block (pug-lexer
  // measures the block's indentation on its first text line).
  size_t lead = 0;
  while (lead < lines.size() && lines[lead].blank) ++lead;
  lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(lead));
  // Trailing blank lines before a following statement stay in the block
  // (pug does the same), but only when the block has text at all.
  bool any = false;
  for (const Line& l : lines) any = any || !l.blank;
  if (!any) return q;
  push(TokenKind::TextBlockStart, {lines.front().begin, lines.front().begin});
  for (size_t n = 0; n < lines.size(); ++n) {
    const Line& l = lines[n];
    if (n > 0) push(TokenKind::Newline, {l.begin, l.begin});
    uint32_t b = l.begin + static_cast<uint32_t>(std::min(min_indent, size_t(l.end - l.begin)));
    if (b >= l.end) {
      push(TokenKind::Text, {b, b}, view(b, b));
      continue;
    }
    if (interpolate) {
      size_t before = tokens_.size();
      text(b, l.end, /*stop_bracket*/ false, 0);
      if (tokens_.size() == before) push(TokenKind::Text, {b, b}, view(b, b));
    } else {
      push(TokenKind::Text, {b, l.end}, view(b, l.end));
    }
  }
  uint32_t last = lines.back().end;
  push(TokenKind::TextBlockEnd, {last, last});
  return q;
}

}  // namespace deckpdf::pug::detail
