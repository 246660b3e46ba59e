// Numbers in content streams: two decimals at most, no trailing zeros, no
// exponent, and nothing that is not a number.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "pdf/content.h"

using namespace deckpdf;

namespace {

std::string written(double v) {
  std::string out = "x";  // what was there stays
  pdf::num(out, v);
  return out.substr(1);
}

}  // namespace

TEST_CASE("content-stream numbers have two decimals at most and no trailing zeros", "[pdf]") {
  CHECK(written(0) == "0");
  CHECK(written(1) == "1");
  CHECK(written(-1) == "-1");
  CHECK(written(10) == "10");
  CHECK(written(1234567) == "1234567");
  CHECK(written(0.5) == "0.5");
  CHECK(written(-0.25) == "-0.25");
  CHECK(written(12.345) == "12.35");
  CHECK(written(0.1) == "0.1");
  CHECK(written(0.07) == "0.07");
  CHECK(written(-0.004) == "0");  // rounds to zero, unsigned
  CHECK(written(99.999) == "100");
  CHECK(written(-700.1) == "-700.1");
  CHECK(written(1e13) == "0");  // beyond any page: not an exponent
  CHECK(written(std::nan("")) == "0");
  CHECK(written(std::numeric_limits<double>::infinity()) == "0");
  std::string ops;
  pdf::op(ops, {1, 0, 0, -1, 62.225, 47.18}, "Tm");
  CHECK(ops == "1 0 0 -1 62.23 47.18 Tm\n");
}
