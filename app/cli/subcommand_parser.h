#pragma once
// The part of parsing that every `greenfreight-cli <command>` shares: QCommandLineParser on
// the arguments after the command, --help, and the messages for what is wrong.
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace gf::app {

enum class ParseOutcome
{
  Run,
  HelpShown,
  Invalid,   //!< what is wrong has been printed
};

class SubcommandParser
{
    Q_DECLARE_TR_FUNCTIONS( gf::app::SubcommandParser )

  public:
    /**
     * Parses \a arguments (those after \a command) with the options already added to \a parser.
     * Prints the help with \a usage as its first line when \a helpOption is set, or the error
     * and a pointer to --help; positional arguments are an error.
     */
    static ParseOutcome parse( QCommandLineParser &parser, const QCommandLineOption &helpOption, const QStringList &arguments,
                               const QString &command, const QString &usage, QTextStream &out, QTextStream &err );
};

} // namespace gf::app
