// The join between two sounds must not click: no sample-to-sample step larger than the
// waveforms themselves make, and the new sound must be heard unchanged once the glide is over.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "media/audio_join.h"

namespace etalase::media {
namespace {

std::vector<float> constant(int frames, float value) {
  return std::vector<float>(static_cast<std::size_t>(frames) * kOutputChannels, value);
}

// The largest jump between neighbouring frames of the left channel across all runs in order.
float largestStep(const std::vector<std::vector<float>>& runs) {
  float largest = 0.0f;
  float previous = 0.0f;
  for (const auto& run : runs) {
    for (std::size_t i = 0; i < run.size(); i += kOutputChannels) {
      largest = std::max(largest, std::abs(run[i] - previous));
      previous = run[i];
    }
  }
  return largest;
}

TEST(AudioJoin, CutBetweenTwoLoudSoundsHasNoStep) {
  AudioJoin join;
  int first = 0;
  int second = 0;
  auto a = constant(512, 0.8f);
  auto b = constant(512, -0.8f);
  join.run(a.data(), 512, &first);
  join.run(b.data(), 512, &second);
  // A hard cut would step by 1.6; the glide spreads it over 5 ms (240 frames).
  EXPECT_LT(largestStep({a, b}), 0.02f);
  // Once the glide is over the second sound is heard exactly as decoded.
  EXPECT_FLOAT_EQ(b.back(), -0.8f);
  EXPECT_FLOAT_EQ(b[AudioJoin::kGlideFrames * kOutputChannels], -0.8f);
}

TEST(AudioJoin, GlideContinuesAcrossDeviceBuffers) {
  AudioJoin join;
  int first = 0;
  int second = 0;
  auto a = constant(64, 0.5f);
  auto b1 = constant(100, -0.5f);  // shorter than the glide
  auto b2 = constant(400, -0.5f);
  join.run(a.data(), 64, &first);
  join.run(b1.data(), 100, &second);
  join.run(b2.data(), 400, &second);
  EXPECT_LT(largestStep({a, b1, b2}), 0.01f);
  EXPECT_FLOAT_EQ(b2.back(), -0.5f);
}

TEST(AudioJoin, SoundStoppingGlidesToSilence) {
  AudioJoin join;
  int clip = 0;
  auto a = constant(64, 0.9f);
  auto silence = constant(512, 0.0f);
  join.run(a.data(), 64, &clip);
  join.run(silence.data(), 512, nullptr);  // pause, or a clip without sound
  EXPECT_LT(largestStep({a, silence}), 0.01f);
  EXPECT_FLOAT_EQ(silence.back(), 0.0f);
}

TEST(AudioJoin, OneContinuingSoundIsLeftUntouched) {
  AudioJoin join;
  int clip = 0;
  std::vector<float> tone(2048 * kOutputChannels);
  for (std::size_t i = 0; i < tone.size(); ++i) {
    tone[i] = 0.5f * std::sin(static_cast<float>(i / kOutputChannels) * 0.06f);
  }
  auto heard = tone;
  join.run(heard.data(), 1024, &clip);
  join.run(heard.data() + 1024 * kOutputChannels, 1024, &clip);
  EXPECT_EQ(heard, tone);  // the first run starts from silence at a zero crossing: no offset
}

}  // namespace
}  // namespace etalase::media
