// source/date — dates of the front matter (see date.h).
#include "source/date.h"

#include <array>
#include <cctype>
#include <string>

#include "source/strings.h"

namespace deckpdf {

namespace {

// Reads exactly `n` digits at `i` (n = 0: one or two).
bool digits(std::string_view s, size_t& i, size_t n, int& out) {
  size_t start = i, max = n == 0 ? 2 : n;
  out = 0;
  while (i < s.size() && i - start < max && std::isdigit(static_cast<unsigned char>(s[i]))) {
    out = out * 10 + (s[i++] - '0');
  }
  return n == 0 ? i > start : i - start == n;
}

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int month_days(int y, int m) {
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[static_cast<size_t>(m - 1)];
}

// Days from 1970-01-01 to y-m-d (Howard Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// "March", "mar", "Sept." -> 1-12; 0 for anything else.
int month_named(std::string_view word) {
  static constexpr std::array<std::string_view, 12> names{
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string w = ascii_lower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  if (w == "sept") return 9;
  for (size_t i = 0; i < names.size(); ++i) {
    if (w == names[i] || (w.size() == 3 && names[i].substr(0, 3) == w)) {
      return static_cast<int>(i + 1);
    }
  }
  return 0;
}

bool valid(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

// "14 March 2026", "March 14, 2026": written-out months, no time.
std::optional<int64_t> date_in_words(std::string_view s) {
  std::array<std::string_view, 3> words{};
  size_t count = 0, i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',')) ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',') ++i;
    if (i == start) break;
    if (count == words.size()) return std::nullopt;
    words[count++] = s.substr(start, i - start);
  }
  if (count != 3) return std::nullopt;
  int d = 0, m = 0, y = 0;
  auto number = [](std::string_view w, size_t n, int& out) {
    size_t at = 0;
    return digits(w, at, n, out) && at == w.size();
  };
  bool ok = (number(words[0], 0, d) && (m = month_named(words[1])) && number(words[2], 4, y)) ||
            ((m = month_named(words[0])) && number(words[1], 0, d) && number(words[2], 4, y));
  if (!ok || !valid(y, m, d)) return std::nullopt;
  return days_from_civil(y, m, d) * 86400;
}

}  // namespace

std::optional<int64_t> date_parse(std::string_view text) {
  std::string_view s = trim(text);
  size_t i = 0;
  int y = 0, m = 0, d = 0;
  if (!(digits(s, i, 4, y) && i < s.size() && s[i++] == '-' && digits(s, i, 2, m) && i < s.size() &&
        s[i++] == '-' && digits(s, i, 2, d))) {
    return date_in_words(s);
  }
  if (!valid(y, m, d)) return std::nullopt;
  int64_t seconds = days_from_civil(y, m, d) * 86400;
  if (i == s.size()) return seconds;
  // A time: T or a space, HH:MM, :SS, a fraction (dropped), a zone.
  int hh = 0, mm = 0, ss = 0;
  if (!(s[i] == 'T' || s[i] == 't' || s[i] == ' ')) return std::nullopt;
  ++i;
  if (!(digits(s, i, 2, hh) && i < s.size() && s[i++] == ':' && digits(s, i, 2, mm))) {
    return std::nullopt;
  }
  if (i < s.size() && s[i] == ':') {
    ++i;
    if (!digits(s, i, 2, ss)) return std::nullopt;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  seconds += hh * 3600 + mm * 60 + ss;
  if (i < s.size() && s[i] == ' ') ++i;
  if (i == s.size()) return seconds;
  if ((s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) return seconds;
  if (s[i] != '+' && s[i] != '-') return std::nullopt;
  int sign = s[i++] == '-' ? -1 : 1, zh = 0, zm = 0;
  if (!digits(s, i, 2, zh)) return std::nullopt;
  if (i < s.size() && s[i] == ':') ++i;
  if (i < s.size() && !digits(s, i, 2, zm)) return std::nullopt;
  if (i != s.size() || zh > 14 || zm > 59) return std::nullopt;
  return seconds - sign * (zh * 3600 + zm * 60);  // 15:30+01:00 is 14:30 UTC
}

}  // namespace deckpdf
