import { parseStartFlags } from '../start';

describe('npm start flags', () => {
  it('defaults to the demo org on port 4173, seed 42', () => {
    expect(parseStartFlags([])).toEqual({ reset: false, port: 4173, seed: 42, scale: false });
  });

  it('reads --port, --seed (spaced or with =), --reset and --scale', () => {
    expect(parseStartFlags(['--port', '5000', '--seed=7', '--reset'])).toEqual({
      reset: true,
      port: 5000,
      seed: 7,
      scale: false
    });
    expect(parseStartFlags(['--scale', '--port=4200'])).toEqual({
      reset: false,
      port: 4200,
      seed: 42,
      scale: true
    });
  });

  it.each([
    [['--verbose'], /unknown flag "--verbose"/],
    [['--scale=yes'], /unknown flag "--scale=yes"/],
    [['--port', '0'], /--port needs a whole number from 1 to 65535, got "0"/],
    [['--port'], /--port needs a whole number from 1 to 65535, got nothing/],
    [['--seed', '-1'], /--seed needs a whole number/],
    [['--scale', '--reset'], /--scale serves the one scale org; it takes no --reset or --seed/],
    [['--seed=42', '--scale'], /--scale serves the one scale org/]
  ])('refuses %j with a usage line', (argv, message) => {
    expect(() => parseStartFlags(argv)).toThrow(message);
    expect(() => parseStartFlags(argv)).toThrow(
      /usage: npm start -- \[--reset\] \[--port N\] \[--seed N\] \[--scale\]/
    );
  });
});
