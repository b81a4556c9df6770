/** PNG figures of line panels (XChart, headless) for the command line's studies. */
package io.github.targetscore.cli.plot;
