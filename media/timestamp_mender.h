// Makes a stream's timestamps continuous where the file's leap (a badly joined recording, a
// camera clock reset): a timestamp more than `maxGap` away from where the stream was expected to
// continue, forward or back, is moved there, and so is everything after it. Without this a
// leap forward is a frozen picture (waiting for a far-away time) and a leap back drops every
// picture after it as late. Small steps back (B-frames in decode order) stay as they are.
#pragma once

#include <cmath>

namespace etalase::media {

class TimestampMender {
 public:
  explicit TimestampMender(double maxGap) : m_maxGap(maxGap) {}

  // The timestamp to use for `pts` (seconds). `expected`: where the stream would continue if its
  // timestamps were continuous; NaN for the first one.
  double mend(double pts, double expected) {
    const double mended = pts + m_offset;
    if (std::isnan(expected) || std::fabs(mended - expected) <= m_maxGap) return mended;
    m_offset = expected - pts;
    ++m_leaps;
    return expected;
  }
  int leaps() const { return m_leaps; }

 private:
  double m_maxGap;
  double m_offset = 0.0;
  int m_leaps = 0;
};

}  // namespace etalase::media
