// highlight/tokens — the token events as runs and as HTML (see tokens.h).
#include "highlight/tokens.h"

namespace deckpdf::highlight {

std::string scope_class(std::string_view scope) {
  constexpr std::string_view kLanguage = "language:";
  if (scope.substr(0, kLanguage.size()) == kLanguage) {
    return "language-" + std::string(scope.substr(kLanguage.size()));
  }
  // "title.class.inherited" -> "hljs-title class_ inherited__"
  std::string out = "hljs-";
  size_t piece = 0, start = 0;
  for (;;) {
    size_t dot = scope.find('.', start);
    out +=
        scope.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (piece > 0) out.append(piece, '_');
    if (dot == std::string_view::npos) break;
    out += ' ';
    start = dot + 1;
    ++piece;
  }
  return out;
}

std::vector<std::string> class_list(std::string_view classes) {
  std::vector<std::string> out;
  for (size_t start = 0; start < classes.size();) {
    size_t space = classes.find(' ', start);
    if (space == std::string_view::npos) space = classes.size();
    out.emplace_back(classes.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

std::vector<std::string> scope_classes(std::string_view scope) {
  return class_list(scope_class(scope));
}

std::vector<Event> plain_events(std::string_view code) {
  std::vector<Event> events;
  if (!code.empty()) events.push_back({Event::text, std::string(code)});
  return events;
}

std::vector<Token> Highlighted::tokens() const {
  std::vector<Token> out;
  std::vector<std::string> classes;
  std::vector<bool> opened;  // whether each open node wrote a class
  for (const Event& event : events) {
    switch (event.kind) {
      case Event::open:
        opened.push_back(!event.value.empty());
        if (!event.value.empty()) classes.push_back(scope_class(event.value));
        break;
      case Event::close:
        if (!opened.empty()) {
          if (opened.back()) classes.pop_back();
          opened.pop_back();
        }
        break;
      case Event::text:
        if (!out.empty() && out.back().classes == classes) {
          out.back().text += event.value;
        } else {
          out.push_back({event.value, classes});
        }
        break;
    }
  }
  return out;
}

namespace {

void escape_into(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#x27;"; break;
      default: out += c;
    }
  }
}

}  // namespace

std::string Highlighted::html() const {
  std::string out;
  std::vector<bool> opened;
  for (const Event& event : events) {
    switch (event.kind) {
      case Event::open:
        opened.push_back(!event.value.empty());
        if (!event.value.empty()) out += "<span class=\"" + scope_class(event.value) + "\">";
        break;
      case Event::close:
        if (!opened.empty()) {
          if (opened.back()) out += "</span>";
          opened.pop_back();
        }
        break;
      case Event::text: escape_into(out, event.value); break;
    }
  }
  return out;
}

std::string Highlighted::text() const {
  std::string out;
  for (const Event& event : events) {
    if (event.kind == Event::text) out += event.value;
  }
  return out;
}

}  // namespace deckpdf::highlight
