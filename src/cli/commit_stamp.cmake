# Writes OUT, the commit `lexfr --version` names, at every build rather than
# at configure time: a build directory configured once and rebuilt after
# later commits named the first commit, which misled bug reports and bench
# logs. The file is rewritten only when the commit changes, so an unchanged
# tree relinks nothing. "-dirty" marks tracked files changed since it;
# "unknown" outside a git clone (a source archive).
#
# --match names no tag: the hash alone, whatever tags the clone holds.
#
# cmake -DSOURCE_DIR=<repo> -DOUT=<file.cpp> -P commit_stamp.cmake
execute_process(COMMAND git describe --always --dirty --abbrev=12 --match=NoTagMatchesThis
                WORKING_DIRECTORY ${SOURCE_DIR}
                OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE result ERROR_QUIET)
if(NOT result EQUAL 0 OR commit STREQUAL "")
  set(commit unknown)
endif()
set(text "// Written at every build by src/cli/commit_stamp.cmake: the commit lexfr was built from.\n#include \"cli/cli.h\"\n\nnamespace lexfr {\nconst char* BuiltCommit() { return \"${commit}\"; }\n}  // namespace lexfr\n")
set(old "")
if(EXISTS ${OUT})
  file(READ ${OUT} old)
endif()
if(NOT old STREQUAL text)
  file(WRITE ${OUT} "${text}")
endif()
