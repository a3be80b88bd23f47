import { describe, expect, it } from 'vitest';
import { invalidVitals, toVisitVitals, vitalsText } from './vitals.ts';

describe('vital signs as typed and as sent', () => {
  it('sends °F as °C, whole numbers where the API wants them, and nothing for empty fields', () => {
    expect(
      toVisitVitals({ temperature: '101.3', systolic: '150.4', diastolic: '95', spo2: '', weightKg: '62,5' }),
    ).toEqual({
      temperatureC: 38.5,
      systolic: 150,
      diastolic: 95,
      weightKg: 62.5,
    });
    expect(toVisitVitals({ temperature: '38.5', temperatureUnit: 'C' })).toEqual({ temperatureC: 38.5 });
    expect(toVisitVitals({})).toBeNull();
  });

  it('keeps an impossible or half-typed value out of what is sent, and names it', () => {
    const typed = { temperature: '1013', pulse: 'abc', spo2: '97' };
    expect(toVisitVitals(typed)).toEqual({ spo2: 97 });
    expect([...invalidVitals(typed)].sort()).toEqual(['pulse', 'temperature']);
  });

  it('shows stored values again, the temperature in °F', () => {
    expect(vitalsText({ temperatureC: 38.5, systolic: 150, bloodSugarMgDl: 110 })).toEqual({
      temperature: '101.3',
      systolic: '150',
      bloodSugarMgDl: '110',
    });
    expect(vitalsText(null)).toEqual({});
  });
});
