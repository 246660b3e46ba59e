#include "source/diagnostic.h"

#include <algorithm>
#include <string>

namespace deckpdf {

void Diagnostics::add(Diagnostic d) {
  // A stage may look at the same construct more than once (layout lays an
  // overfull slide out twice); the reader hears about it once.
  std::string key = d.code + '\0' + std::to_string(d.span.begin) + '\0' + d.message;
  if (!seen_.insert(std::move(key)).second) return;
  if (d.severity == Severity::Error) ++errors_;
  if (items_.size() >= limit) {
    ++dropped_;
    return;
  }
  items_.push_back(std::move(d));
}

void Diagnostics::error(Span span, std::string code, std::string message) {
  add({Severity::Error, std::move(code), std::move(message), span});
}

void Diagnostics::warning(Span span, std::string code, std::string message) {
  add({Severity::Warning, std::move(code), std::move(message), span});
}

bool Diagnostics::has_code(const std::string& code) const {
  return std::any_of(items_.begin(), items_.end(),
                     [&](const Diagnostic& d) { return d.code == code; });
}

std::string diagnostic_format(const Source& source, const Diagnostic& d, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  const char* red = color ? "\033[1;31m" : "";
  const char* magenta = color ? "\033[1;35m" : "";
  const char* green = color ? "\033[1;32m" : "";
  const char* cyan = color ? "\033[1;36m" : "";
  LineCol lc = source.line_col(d.span.begin);
  std::string out;
  out += bold + source.path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.col) +
         ":" + reset + " ";
  switch (d.severity) {
    case Severity::Error: out += std::string(red) + "error:" + reset; break;
    case Severity::Warning: out += std::string(magenta) + "warning:" + reset; break;
    case Severity::Note: out += std::string(cyan) + "note:" + reset; break;
  }
  out += " " + std::string(bold) + d.message + reset;
  if (!d.code.empty()) out += " [" + d.code + "]";
  out += "\n";
  std::string_view line = source.line_text(lc.line);
  if (lc.line <= source.line_count()) {
    std::string num = std::to_string(lc.line);
    std::string gutter(num.size(), ' ');
    // Tabs are shown as single spaces so the caret lines up.
    std::string shown;
    for (char c : line) shown.push_back(c == '\t' ? ' ' : c);
    out += " " + num + " | " + shown + "\n";
    out += " " + gutter + " | " + std::string(lc.col - 1, ' ') + green + "^" + reset + "\n";
  }
  return out;
}

}  // namespace deckpdf
