#include "cli/subcommand_parser.h"

namespace gf::app {

ParseOutcome SubcommandParser::parse( QCommandLineParser &parser, const QCommandLineOption &helpOption, const QStringList &arguments,
                                      const QString &command, const QString &usage, QTextStream &out, QTextStream &err )
{
  QStringList withProgram = arguments;
  withProgram.prepend( QStringLiteral( "greenfreight-cli " ) + command );
  if ( !parser.parse( withProgram ) )
  {
    err << tr( "error: %1" ).arg( parser.errorText() ) << '\n'
        << tr( "Run 'greenfreight-cli %1 --help' for the options." ).arg( command ) << '\n';
    return ParseOutcome::Invalid;
  }
  if ( parser.isSet( helpOption ) )
  {
    QString help = parser.helpText();
    help.replace( 0, help.indexOf( QLatin1Char( '\n' ) ), usage );
    out << help;
    return ParseOutcome::HelpShown;
  }
  if ( !parser.positionalArguments().isEmpty() )
  {
    err << tr( "error: unexpected argument '%1'." ).arg( parser.positionalArguments().first() ) << '\n';
    return ParseOutcome::Invalid;
  }
  return ParseOutcome::Run;
}

} // namespace gf::app
