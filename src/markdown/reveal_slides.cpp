// markdown/reveal_slides — slidify and the notes split (see reveal_slides.h).
#include "markdown/reveal_slides.h"

#include <memory>

#include "markdown/js_regex.h"

namespace deckpdf::markdown {

void MappedText::append(std::string_view s, uint32_t source_begin) {
  text.append(s);
  for (size_t i = 0; i < s.size(); ++i) at.push_back(source_begin + static_cast<uint32_t>(i));
}

void MappedText::append_made(std::string_view s, uint32_t source_at) {
  text.append(s);
  at.insert(at.end(), s.size(), source_at);
}

void MappedText::append(const MappedText& other, size_t begin, size_t end) {
  text.append(other.text, begin, end - begin);
  at.insert(at.end(), other.at.begin() + static_cast<std::ptrdiff_t>(begin),
            other.at.begin() + static_cast<std::ptrdiff_t>(end));
}

MappedText MappedText::slice(size_t begin, size_t end) const {
  MappedText out;
  out.append(*this, begin, end);
  return out;
}

MarkdownText MappedText::to_markdown() const {
  MarkdownText md;
  md.text = text;
  for (size_t i = 0; i < at.size(); ++i) {
    if (i == 0 || at[i] != at[i - 1] + 1) {
      md.pieces.push_back({static_cast<uint32_t>(i), at[i]});
    }
  }
  return md;
}

void utf8_sanitize(std::string& text) {
  auto cont = [&](size_t i, unsigned char lo, unsigned char hi) {
    if (i >= text.size()) return false;
    auto c = static_cast<unsigned char>(text[i]);
    return c >= lo && c <= hi;
  };
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len = 0;
    if (c < 0x80) {
      len = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = cont(i + 1, 0x80, 0xBF) ? 2 : 0;
    } else if (c >= 0xE0 && c <= 0xEF) {
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      len = cont(i + 1, lo, hi) && cont(i + 2, 0x80, 0xBF) ? 3 : 0;
    } else if (c >= 0xF0 && c <= 0xF4) {
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      len = cont(i + 1, lo, hi) && cont(i + 2, 0x80, 0xBF) && cont(i + 3, 0x80, 0xBF) ? 4 : 0;
    }
    if (len == 0) {
      text[i] = '?';
      len = 1;
    }
    i += len;
  }
}

namespace {

std::unique_ptr<JsRegex> compile(const std::string& source, std::string_view flags,
                                 SplitReport report) {
  std::string error;
  std::unique_ptr<JsRegex> regex = JsRegex::compile(source, flags, &error);
  if (!regex) {
    report.diags.error(report.where, "markdown.bad-separator",
                       "the separator /" + source + "/ is not a regular expression (" + error +
                           "); reveal.js fails on it too");
  }
  return regex;
}

void budget_report(const JsRegex& regex, const std::string& source, SplitReport report) {
  if (!regex.exhausted()) return;
  report.diags.warning(
      report.where, "markdown.separator-budget",
      "the separator /" + source + "/ took too long on this text; the rest of it is not split");
}

// String.prototype.replace(/pattern/g, "\n" + $1), offsets kept.
MappedText replace_lines(const MappedText& in, const std::string& pattern) {
  std::string error;
  std::unique_ptr<JsRegex> regex = JsRegex::compile(pattern, "", &error);
  if (!regex) return in;  // a repeat count past PCRE2's: no line has that much
  MappedText out;
  JsRegex::Groups m;
  size_t done = 0;
  while (done <= in.text.size() && regex->search(in.text, done, m) && m[0].end > m[0].begin) {
    out.append(in, done, m[0].begin);
    out.append_made("\n", in.at.empty() ? 0 : in.at[std::min(m[0].begin, in.at.size() - 1)]);
    out.append(in, m[1].begin, m[1].end);
    done = m[0].end;
  }
  out.append(in, done, in.text.size());
  return out;
}

}  // namespace

MappedText template_dedent(const MappedText& in) {
  MappedText text;
  constexpr std::string_view marker = "__SCRIPT_END__";
  size_t done = 0;
  for (size_t at = in.text.find(marker); at != std::string::npos; at = in.text.find(marker, done)) {
    text.append(in, done, at);
    text.append_made("</script>", in.at[at]);
    done = at + marker.size();
  }
  text.append(in, done, in.text.size());
  // /^\n?(\s*)/ and /^\n?(\t*)/.
  size_t start = !text.text.empty() && text.text[0] == '\n' ? 1 : 0;
  size_t spaces = 0, tabs = 0;
  while (start + spaces < text.text.size() &&
         std::string_view(" \t\n\r\v\f").find(text.text[start + spaces]) != std::string::npos) {
    ++spaces;
  }
  while (start + tabs < text.text.size() && text.text[start + tabs] == '\t') ++tabs;
  if (tabs > 0) return replace_lines(text, "\\n?\\t{" + std::to_string(tabs) + "}(.*)");
  if (spaces > 1) return replace_lines(text, "\\n? {" + std::to_string(spaces) + "}(.*)");
  return text;
}

bool slidify(const MappedText& text, const Separators& seps, std::vector<SlideGroup>& out,
             SplitReport report) {
  std::string both = seps.separator + (seps.vertical.empty() ? "" : "|" + seps.vertical);
  std::unique_ptr<JsRegex> any = compile(both, "m", report);
  std::unique_ptr<JsRegex> horizontal = compile(seps.separator, "", report);
  if (!any || !horizontal) return false;
  JsRegex::Groups m, unused;
  size_t from = 0, last = 0;
  bool was_horizontal = true;
  std::vector<SlideGroup>& groups = out;
  auto add = [&](size_t b, size_t e, bool new_group, bool stack) {
    if (new_group || groups.empty()) groups.push_back({{}, stack});
    SlideText slide;
    slide.markdown = text.slice(b, e);
    groups.back().slides.push_back(std::move(slide));
  };
  while (any->search(text.text, from, m)) {
    if (m[0].end == m[0].begin) {
      report.diags.error(report.where, "markdown.empty-separator",
                         "the separator /" + both +
                             "/ matches empty text; reveal.js never finishes splitting on it "
                             "(deckpdf stops splitting here)");
      break;
    }
    std::string matched = text.text.substr(m[0].begin, m[0].end - m[0].begin);
    bool is_horizontal = horizontal->search(matched, 0, unused);
    // slidify: a vertical separator after a horizontal one opens a stack;
    // the text before it is the stack's first slide. The text before a
    // horizontal separator ends the current group (a slide, or the stack's
    // last slide).
    if (!is_horizontal && was_horizontal) {
      groups.push_back({{}, true});
      add(last, m[0].begin, false, true);
    } else if (is_horizontal && was_horizontal) {
      add(last, m[0].begin, true, false);
    } else {
      add(last, m[0].begin, false, true);
    }
    last = from = m[0].end;
    was_horizontal = is_horizontal;
  }
  budget_report(*any, both, report);
  add(last, text.text.size(), was_horizontal, !was_horizontal);
  return true;
}

SlideText notes_split(const MappedText& slide, const std::string& notes_separator,
                      SplitReport report) {
  SlideText out;
  out.markdown = slide;
  std::unique_ptr<JsRegex> regex = compile(notes_separator, "mgi", report);
  if (!regex) return out;
  // String.prototype.split: an empty match where the last piece ended is
  // skipped; a match at the very end is not tried; each match adds its
  // piece and one entry per capturing group.
  size_t parts = 1, p = 0, q = 0, first_begin = 0, first_end = 0;
  JsRegex::Groups m;
  const std::string& s = slide.text;
  while (!s.empty() && q < s.size() && regex->search(s, q, m) && m[0].begin < s.size()) {
    if (m[0].end == p) {
      q = m[0].begin + 1;
      while (q < s.size() && (static_cast<unsigned char>(s[q]) & 0xC0) == 0x80) ++q;
      continue;
    }
    if (parts == 1) first_begin = m[0].begin, first_end = m[0].end;
    parts += m.size();
    p = q = m[0].end;
    if (parts > 2) break;  // only "exactly two" matters
  }
  budget_report(*regex, notes_separator, report);
  if (parts != 2) return out;
  out.markdown = slide.slice(0, first_begin);
  size_t b = first_end, e = s.size();
  auto space = [&](char c) { return std::string_view(" \t\n\r\v\f").find(c) != std::string::npos; };
  while (b < e && space(s[b])) ++b;
  while (e > b && space(s[e - 1])) --e;
  out.notes = slide.slice(b, e);
  out.has_notes = true;
  return out;
}

}  // namespace deckpdf::markdown
