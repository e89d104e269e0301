"""Settings shared by every test under tests/."""

from hypothesis import settings

# Every run of the suite tries the same examples: a property test that fails, fails
# every time (and one that passes cannot fail later by the luck of the draw). New
# examples are found by changing the settings on purpose, never by chance in CI.
settings.register_profile("kmeans-teach", derandomize=True, print_blob=True)
settings.load_profile("kmeans-teach")
