// Command-line options: defaults, each option's effect, and bad usage refused with exit code 2.
#include "kiosk/options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace etalase::kiosk {
namespace {

// Parses `etalase ARGS...`.
ParsedOptions parse(std::vector<const char*> args) {
  args.insert(args.begin(), "etalase");
  return parseOptions(static_cast<int>(args.size()), args.data());
}

TEST(OptionsTest, NoArgumentsGiveTheDefaults) {
  const ParsedOptions parsed = parse({});
  ASSERT_TRUE(parsed.options);
  EXPECT_EQ(parsed.exitCode, 0);
  EXPECT_DOUBLE_EQ(parsed.options->idleTimeoutSeconds, 60.0);
  EXPECT_EQ(parsed.options->display.width, 1280);
  EXPECT_EQ(parsed.options->display.height, 720);
  EXPECT_FALSE(parsed.options->display.fullscreen);
  EXPECT_FALSE(parsed.options->mute);
  EXPECT_EQ(parsed.options->display.renderer, platform::RendererChoice::Auto);
  EXPECT_TRUE(parsed.options->play.empty());
  EXPECT_EQ(parsed.options->loops, 0);
}

TEST(OptionsTest, FullscreenFlag) {
  const ParsedOptions parsed = parse({"--fullscreen"});
  ASSERT_TRUE(parsed.options);
  EXPECT_TRUE(parsed.options->display.fullscreen);
}

TEST(OptionsTest, WindowSizeIsParsed) {
  const ParsedOptions parsed = parse({"--window", "800x600"});
  ASSERT_TRUE(parsed.options);
  EXPECT_EQ(parsed.options->display.width, 800);
  EXPECT_EQ(parsed.options->display.height, 600);
}

TEST(OptionsTest, WindowSizeThatIsNotWidthByHeightIsRefused) {
  const ParsedOptions parsed = parse({"--window", "big"});
  EXPECT_FALSE(parsed.options);
  EXPECT_EQ(parsed.exitCode, 2);
}

TEST(OptionsTest, TinyWindowSizeIsRefused) {
  const ParsedOptions parsed = parse({"--window", "10x10"});
  EXPECT_FALSE(parsed.options);
  EXPECT_EQ(parsed.exitCode, 2);
}

TEST(OptionsTest, WindowSizeWithTrailingTextIsRefused) {
  const ParsedOptions parsed = parse({"--window", "800x600px"});
  EXPECT_FALSE(parsed.options);
  EXPECT_EQ(parsed.exitCode, 2);
}

TEST(OptionsTest, UnknownOptionIsRefused) {
  const ParsedOptions parsed = parse({"--frobnicate"});
  EXPECT_FALSE(parsed.options);
  EXPECT_EQ(parsed.exitCode, 2);
}

TEST(OptionsTest, PlayCollectsEveryFile) {
  const ParsedOptions parsed = parse({"--play", "a.mp4", "b.mp4"});
  ASSERT_TRUE(parsed.options);
  EXPECT_EQ(parsed.options->play, (std::vector<std::string>{"a.mp4", "b.mp4"}));
}

TEST(OptionsTest, LoopsIsParsed) {
  const ParsedOptions parsed = parse({"--loops", "3"});
  ASSERT_TRUE(parsed.options);
  EXPECT_EQ(parsed.options->loops, 3);
}

TEST(OptionsTest, ZeroIdleTimeoutIsRefused) {
  const ParsedOptions parsed = parse({"--idle-timeout", "0"});
  EXPECT_FALSE(parsed.options);
  EXPECT_EQ(parsed.exitCode, 2);
}

TEST(OptionsTest, IdleTimeoutIsParsed) {
  const ParsedOptions parsed = parse({"--idle-timeout", "90"});
  ASSERT_TRUE(parsed.options);
  EXPECT_DOUBLE_EQ(parsed.options->idleTimeoutSeconds, 90.0);
}

TEST(OptionsTest, SoftwareRendererIsChosen) {
  const ParsedOptions parsed = parse({"--renderer", "software"});
  ASSERT_TRUE(parsed.options);
  EXPECT_EQ(parsed.options->display.renderer, platform::RendererChoice::Software);
}

TEST(OptionsTest, UnknownRendererIsRefused) {
  const ParsedOptions parsed = parse({"--renderer", "vulkan"});
  EXPECT_FALSE(parsed.options);
  EXPECT_EQ(parsed.exitCode, 2);
}

TEST(OptionsTest, HelpExitsSuccessfullyWithoutRunning) {
  const ParsedOptions parsed = parse({"--help"});
  EXPECT_FALSE(parsed.options);
  EXPECT_EQ(parsed.exitCode, 0);
}

}  // namespace
}  // namespace etalase::kiosk
